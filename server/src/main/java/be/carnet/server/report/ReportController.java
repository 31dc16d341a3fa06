package be.carnet.server.report;

import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.web.Paths;
import be.carnet.server.web.PageNotFoundException;
import be.carnet.server.web.Views;
import be.carnet.server.web.WebSessions;
import io.javalin.http.Context;

/** The report page. I/O only. */
public final class ReportController {

    private final MissionService missions;
    private final ReportQueries reports;
    private final WebSessions sessions;

    public ReportController(MissionService missions, ReportQueries reports, WebSessions sessions) {
        this.missions = missions;
        this.reports = reports;
        this.sessions = sessions;
    }

    public void show(Context ctx) {
        Mission mission = missions.get(ctx.pathParam(Paths.MISSION_ID));
        ReportDetail report = reports.find(mission.id(), ctx.pathParam(Paths.REPORT_ID))
                .orElseThrow(() -> new PageNotFoundException("there is no such report in this mission"));
        Views.render(ctx, "report/show.jte", new ReportPage(sessions.layout(ctx), mission, report));
    }
}
