package be.carnet.server.report;

import be.carnet.protocol.report.Attachment;
import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.web.ContentDisposition;
import be.carnet.server.web.PageNotFoundException;
import be.carnet.server.web.Paths;
import be.carnet.server.web.Views;
import be.carnet.server.staff.WebSessions;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.regex.Pattern;

/** The report page and the download of its attachments. I/O only. */
public final class ReportController {

    /** Every attachment is served as this, whatever the traveller's app said it is: it must never render. */
    static final String DOWNLOAD_TYPE = "application/octet-stream";
    private static final Pattern POSITION = Pattern.compile("[1-9][0-9]{0,2}");

    private final MissionService missions;
    private final ReportQueries reports;
    private final WebSessions sessions;
    private final Clock clock;

    public ReportController(MissionService missions, ReportQueries reports, WebSessions sessions, Clock clock) {
        this.missions = missions;
        this.reports = reports;
        this.sessions = sessions;
        this.clock = clock;
    }

    public void show(Context ctx) {
        Mission mission = missions.get(ctx.pathParam(Paths.MISSION_ID));
        ReportDetail report = reports.find(mission.id(), ctx.pathParam(Paths.REPORT_ID))
                .orElseThrow(() -> new PageNotFoundException("there is no such report in this mission"));
        Views.render(ctx, "report/show.jte", new ReportPage(sessions.layout(ctx), mission, report));
    }

    /**
     * Sends one attachment's stored bytes as a file to save, never to display: {@code application/octet-stream},
     * {@code nosniff}, {@code Content-Disposition: attachment} with the name encoded.
     */
    public void attachment(Context ctx) {
        Mission mission = missions.get(ctx.pathParam(Paths.MISSION_ID));
        String position = ctx.pathParam(Paths.POSITION);
        if (!POSITION.matcher(position).matches() || Integer.parseInt(position) > Attachment.MAX_COUNT) {
            throw new PageNotFoundException("there is no such attachment");
        }
        AttachmentFile file = reports.download(mission.id(), ctx.pathParam(Paths.REPORT_ID), Integer.parseInt(position),
                sessions.member(ctx).username(), clock.instant())
                .orElseThrow(() -> new PageNotFoundException("there is no such attachment"));
        ctx.header("Content-Disposition", ContentDisposition.attachment(file.untrustedName()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(DOWNLOAD_TYPE).result(file.data());
    }
}
