package be.carnet.server.overview;

import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;

import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.form.InvalidInputException;
import be.carnet.server.bundle.BundleService;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.report.ReportQueries;
import be.carnet.server.web.Bodies;
import be.carnet.server.web.Layout;
import be.carnet.server.web.Paths;
import be.carnet.server.web.Views;
import be.carnet.server.staff.WebSessions;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The mission pages and their forms: create a mission, issue a code, publish a bundle. I/O only: the
 * rules live in the services.
 */
public final class MissionController {

    /** Flash names (with the mission id) under which a code just issued waits for the redirected page. */
    private static final String ISSUED_CODE = "issued.code.";
    private static final String ISSUED_ALIAS = "issued.alias.";
    private final MissionService missions;
    private final EnrolmentService enrolments;
    private final BundleService bundles;
    private final ReportQueries reports;
    private final AgencyKeys keys;
    private final WebSessions sessions;
    private final Clock clock;

    public MissionController(MissionService missions, EnrolmentService enrolments, BundleService bundles,
                             ReportQueries reports, AgencyKeys keys, WebSessions sessions, Clock clock) {
        this.missions = missions;
        this.enrolments = enrolments;
        this.bundles = bundles;
        this.reports = reports;
        this.keys = keys;
        this.sessions = sessions;
        this.clock = clock;
    }

    public void list(Context ctx) {
        Views.render(ctx, "mission/list.jte", new MissionsPage(sessions.layout(ctx), missions.list(), null, "", ""));
    }

    public void create(Context ctx) {
        String name = orEmpty(ctx.formParam("name"));
        String destination = orEmpty(ctx.formParam("destination"));
        try {
            Mission mission = missions.create(sessions.member(ctx).username(), name, destination);
            ctx.redirect(Paths.mission(mission.id()), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            Layout layout = sessions.layout(ctx);
            ctx.status(HttpStatus.BAD_REQUEST);
            Views.render(ctx, "mission/list.jte",
                    new MissionsPage(layout, missions.list(), layout.describe(e), name, destination));
        }
    }

    /** The mission page; a code just issued by this session (kept by {@link #issueCode}) is shown this once. */
    public void show(Context ctx) {
        Mission mission = missions.get(ctx.pathParam(Paths.MISSION_ID));
        String code = sessions.takeFlash(ctx, ISSUED_CODE + mission.id()).orElse(null);
        String alias = sessions.takeFlash(ctx, ISSUED_ALIAS + mission.id()).orElse(null);
        render(ctx, mission, code, code == null ? null : alias, null);
    }

    public void issueCode(Context ctx) {
        Mission mission = missions.get(ctx.pathParam(Paths.MISSION_ID));
        String alias = orEmpty(ctx.formParam("alias"));
        try {
            String code = enrolments.issueCode(sessions.member(ctx).username(), mission.id(), alias);
            // Post/redirect/get: a reload shows the mission page, never issues another code.
            sessions.flash(ctx, ISSUED_CODE + mission.id(), code);
            sessions.flash(ctx, ISSUED_ALIAS + mission.id(), alias.strip());
            ctx.redirect(Paths.mission(mission.id()), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, mission, null, null, e);
        }
    }

    public void publishBundle(Context ctx) {
        Mission mission = missions.get(ctx.pathParam(Paths.MISSION_ID));
        try {
            bundles.publish(mission.id(), uploaded(ctx.uploadedFile("bundle")), sessions.member(ctx).username());
            ctx.redirect(Paths.mission(mission.id()), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, mission, null, null, e);
        }
    }

    private static byte[] uploaded(UploadedFile file) {
        if (file == null || file.size() == 0) {
            throw new InvalidInputException("field.bundle", "rule.required", "bundle is required");
        }
        if (file.size() > BundleService.MAX_BUNDLE_BYTES) {
            throw new InvalidInputException("field.bundle", "rule.size.max",
                    "bundle must be at most " + BundleService.MAX_BUNDLE_BYTES + " bytes",
                    BundleService.MAX_BUNDLE_BYTES);
        }
        try (InputStream in = file.content()) {
            return Bodies.read(in, BundleService.MAX_BUNDLE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded bundle", e);
        }
    }

    private void render(Context ctx, Mission mission, String issuedCode, String issuedAlias,
                        InvalidInputException error) {
        Layout layout = sessions.layout(ctx);
        Views.render(ctx, "mission/show.jte", new MissionPage(layout, mission, enrolments.devices(mission.id()),
                enrolments.codes(mission.id()), bundles.latest(mission.id()).orElse(null), reports.list(mission.id()),
                issuedCode, issuedAlias, keys.signing().publicKey().fingerprintGrouped(),
                error == null ? null : layout.describe(error), clock.instant()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
