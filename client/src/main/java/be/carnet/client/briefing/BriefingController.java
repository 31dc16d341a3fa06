package be.carnet.client.briefing;

import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.enrolment.EnrolmentService;
import be.carnet.client.agency.AgencyErrors;
import be.carnet.client.web.Notice;
import be.carnet.client.web.Pages;
import be.carnet.client.web.Paths;
import be.carnet.i18n.Language;
import be.carnet.protocol.briefing.Briefing;
import be.carnet.protocol.bundle.MissionPassphrase;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The home page (briefings by phase, what the last update changed), a briefing's page, and the
 * "download briefings" and "dismiss changes" buttons.
 */
public final class BriefingController {

    private final BundleService bundles;
    private final EnrolmentService enrolments;
    private final Checklist checklist;
    private final Pages pages;
    private final Clock clock;

    public BriefingController(BundleService bundles, EnrolmentService enrolments, Checklist checklist, Pages pages,
                              Clock clock) {
        this.bundles = bundles;
        this.enrolments = enrolments;
        this.checklist = checklist;
        this.pages = pages;
        this.clock = clock;
    }

    public void home(Context ctx) {
        Language language = pages.localizer(ctx).language();
        String missionName = enrolments.current().map(Enrolment::missionName).orElse(null);
        Optional<BriefingLibrary> library = bundles.library();
        HomePage.BundleStatus status = library.map(l -> new HomePage.BundleStatus(l.version(), l.expires(),
                l.expiredAt(clock.instant()), l.unreadable())).orElse(null);
        List<HomePage.PhaseSection> sections = new ArrayList<>();
        if (library.isPresent()) {
            for (String phase : BriefingLibrary.PHASES) {
                List<HomePage.BriefingLink> links = new ArrayList<>();
                for (BriefingLibrary.Shown shown : library.get().inPhase(phase, language)) {
                    Briefing b = shown.briefing();
                    Set<String> ticked = checklist.ticked(b.id());
                    int done = (int) b.checklist().stream().filter(item -> ticked.contains(item.id())).count();
                    links.add(new HomePage.BriefingLink(b.id(), b.title(), b.summary(), b.level(), b.lang(),
                            shown.fallback(), done, b.checklist().size()));
                }
                if (!links.isEmpty()) {
                    sections.add(new HomePage.PhaseSection(phase, links));
                }
            }
        }
        HomePage.Changes changes = library.isPresent()
                ? bundles.changes().map(c -> changes(c, library.get(), language)).orElse(null) : null;
        pages.render(ctx, "briefing/home.jte", new HomePage(pages.chrome(ctx), missionName, status, sections,
                changes));
    }

    private static HomePage.Changes changes(BundleChanges changes, BriefingLibrary library, Language language) {
        List<HomePage.ChangedBriefing> briefings = new ArrayList<>();
        changes.briefings().forEach((id, change) -> {
            Optional<BriefingLibrary.Shown> shown = change == BundleChanges.Change.REMOVED ? Optional.empty()
                    : library.find(id, language);
            briefings.add(new HomePage.ChangedBriefing(id, shown.map(s -> s.briefing().title()).orElse(null),
                    shown.map(s -> s.briefing().lang()).orElse(null), change));
        });
        return new HomePage.Changes(changes.version(), briefings);
    }

    public void dismissChanges(Context ctx) {
        bundles.dismissChanges();
        pages.redirect(ctx, Paths.HOME, null);
    }

    public void show(Context ctx) {
        Language language = pages.localizer(ctx).language();
        BriefingLibrary library = bundles.library().orElseThrow(NotFoundResponse::new);
        String untrustedName = ctx.pathParam("id");
        String id = library.briefings().keySet().stream().filter(candidate -> Paths.namesBriefing(untrustedName, candidate))
                .findFirst().orElseThrow(NotFoundResponse::new);
        BriefingLibrary.Shown shown = library.find(id, language).orElseThrow(NotFoundResponse::new);
        pages.render(ctx, "briefing/briefing.jte", new BriefingPage(pages.chrome(ctx), shown.briefing(),
                shown.fallback(), library.expiredAt(clock.instant()), checklist.ticked(shown.briefing().id())));
    }

    public void update(Context ctx) {
        if (enrolments.current().isEmpty()) {
            pages.redirect(ctx, Paths.ENROL, Notice.error("client.briefings.update.notEnrolled"));
            return;
        }
        String typed = ctx.formParam("passphrase");
        char[] passphrase = typed == null || typed.isEmpty() ? null : typed.toCharArray();
        BundleUpdate update;
        try {
            update = bundles.update(passphrase);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        Notice notice = switch (update.outcome()) {
            case INSTALLED -> Notice.info("client.briefings.update.installed", update.version());
            case UNCHANGED -> Notice.info("client.briefings.update.unchanged", update.version());
            case REJECTED -> Notice.error("client.briefings.update.rejected");
            case AGENCY_FAILED -> Notice.error(AgencyErrors.key(update.agencyKind()));
            case NEEDS_PASSPHRASE -> Notice.error("client.briefings.update.needsPassphrase");
            case WRONG_PASSPHRASE -> Notice.error("client.briefings.update.wrongPassphrase",
                    BundleService.MAX_PASSPHRASE);
            case WORK_FACTOR_TOO_HIGH -> Notice.error("client.briefings.update.workFactorTooHigh",
                    MissionPassphrase.MAX_WORK_FACTOR);
        };
        pages.redirect(ctx, Paths.HOME, notice);
    }
}
