package be.carnet.client.incident;

import be.carnet.client.enrolment.EnrolmentService;
import be.carnet.client.web.Notice;
import be.carnet.client.web.Pages;
import be.carnet.client.web.Paths;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/** The incident form and the journal. Validates at the edge; {@link Journal} saves. */
public final class IncidentController {

    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private final Journal journal;
    private final EnrolmentService enrolments;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    public IncidentController(Journal journal, EnrolmentService enrolments, Pages pages, Clock clock, ZoneId zone) {
        this.journal = journal;
        this.enrolments = enrolments;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    public void form(Context ctx) {
        String now = LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES).format(INPUT);
        IncidentInput blank = new IncidentInput("", "", "AMBER", now, zone.getId(), "", "");
        pages.render(ctx, "incident/form.jte", new IncidentFormPage(pages.chrome(ctx), blank, List.of(), zones(),
                enrolments.current().isPresent()));
    }

    public void create(Context ctx) {
        IncidentInput input = new IncidentInput(ctx.formParam("category"), ctx.formParam("severity"),
                ctx.formParam("tlp"), ctx.formParam("occurredAt"), ctx.formParam("zone"), ctx.formParam("place"),
                ctx.formParam("description"));
        IncidentValidator.Result result = IncidentValidator.validate(input);
        if (!result.valid()) {
            ctx.status(400);
            pages.render(ctx, "incident/form.jte", new IncidentFormPage(pages.chrome(ctx), input, result.errors(),
                    zones(), enrolments.current().isPresent()));
            return;
        }
        journal.save(result.incident());
        pages.redirect(ctx, Paths.INCIDENTS, Notice.info("client.incident.saved"));
    }

    public void list(Context ctx) {
        pages.render(ctx, "incident/list.jte", new IncidentListPage(pages.chrome(ctx), journal.list()));
    }

    private List<String> zones() {
        return ZONES.contains(zone.getId()) ? ZONES : Stream.concat(Stream.of(zone.getId()), ZONES.stream()).toList();
    }
}
