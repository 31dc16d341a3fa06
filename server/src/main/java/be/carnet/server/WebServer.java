package be.carnet.server;

import be.carnet.server.form.InvalidInputException;

import be.carnet.server.staff.WebSessions;
import be.carnet.server.web.Access;
import be.carnet.server.web.ApiErrors;
import be.carnet.server.web.BareErrorHandler;
import be.carnet.server.web.BodyTooLargeException;
import be.carnet.server.web.ClientAddress;
import be.carnet.server.web.ErrorPage;
import be.carnet.server.web.ForbiddenException;
import be.carnet.server.web.PageNotFoundException;
import be.carnet.server.web.Paths;
import be.carnet.server.web.RequestGuards;
import be.carnet.server.web.Views;

import be.carnet.i18n.Messages;
import be.carnet.i18n.Translator;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.bundle.BundleController;
import be.carnet.server.limits.Slots;
import be.carnet.server.bundle.BundleService;
import be.carnet.server.enrolment.AttemptLimiter;
import be.carnet.server.enrolment.CodeRejectedException;
import be.carnet.server.enrolment.EnrolmentController;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.enrolment.MalformedEnrolmentException;
import be.carnet.server.enrolment.TooManyAttemptsException;
import be.carnet.server.intake.IntakeBusyException;
import be.carnet.server.intake.IntakeController;
import be.carnet.server.intake.IntakeService;
import be.carnet.server.intake.InvalidReportException;
import be.carnet.server.intake.ReportConflictException;
import be.carnet.server.overview.MissionController;
import be.carnet.server.mission.MissionService;
import be.carnet.server.mission.UnknownMissionException;
import be.carnet.server.report.ReportController;
import be.carnet.server.report.ReportQueries;
import be.carnet.server.staff.SessionStore;
import be.carnet.server.staff.StaffController;
import be.carnet.server.staff.StaffService;
import be.carnet.server.staff.StaffSession;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole HTTP surface in one place: every route with who may call it, every filter, every
 * exception mapping. Staff pages use a session cookie and CSRF tokens; the device API under
 * {@code /api/v1} uses neither, because its content is signed.
 */
public final class WebServer {

    /**
     * Largest request Jetty accepts at all: a 64 MiB bundle plus the multipart framing. A sealed report
     * (at most {@link IntakeService#MAX_SEALED_BYTES}, 24 MiB) fits well within it.
     */
    public static final long MAX_REQUEST_BYTES = 65L * 1024 * 1024;
    /** Largest staff form other than the bundle upload. */
    public static final long MAX_FORM_BYTES = 64L * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private WebServer() {
    }

    /**
     * What the web layer needs.
     *
     * @param messages the message catalogues
     * @param sessions the staff session store
     * @param staff staff accounts
     * @param missions missions
     * @param enrolments enrolment codes and devices
     * @param bundles briefing bundles
     * @param intake report intake
     * @param reports report queries
     * @param keys the agency keys (public halves shown; private halves sign)
     * @param clock the time
     * @param zone the zone dates are shown in
     * @param clientAddress which peers may name the client in {@code X-Forwarded-For}
     */
    public record Deps(Messages messages, SessionStore sessions, StaffService staff, MissionService missions,
                       EnrolmentService enrolments, BundleService bundles, IntakeService intake, ReportQueries reports,
                       AgencyKeys keys, Clock clock, ZoneId zone, ClientAddress clientAddress) {

        /** Without trusted proxies: every client is its connection's peer. */
        public Deps(Messages messages, SessionStore sessions, StaffService staff, MissionService missions,
                    EnrolmentService enrolments, BundleService bundles, IntakeService intake, ReportQueries reports,
                    AgencyKeys keys, Clock clock, ZoneId zone) {
            this(messages, sessions, staff, missions, enrolments, bundles, intake, reports, keys, clock, zone,
                    ClientAddress.peerOnly());
        }
    }

    /** The configured, not yet started, server. */
    public static Javalin create(Deps deps) {
        WebSessions sessions = new WebSessions(deps.sessions(), deps.messages(), deps.zone());
        Views views = new Views();
        StaffController staff = new StaffController(deps.staff(), sessions, new AttemptLimiter(
                StaffController.MAX_FAILED_LOGINS, StaffController.LOGIN_WINDOW, deps.clock()));
        MissionController missions = new MissionController(deps.missions(), deps.enrolments(), deps.bundles(),
                deps.reports(), deps.keys(), sessions, deps.clock());
        ReportController reports = new ReportController(deps.missions(), deps.reports(), sessions, deps.clock());
        EnrolmentController enrolment = new EnrolmentController(deps.enrolments(),
                new AttemptLimiter(EnrolmentController.MAX_FAILURES, EnrolmentController.WINDOW, deps.clock()));
        BundleController bundles = new BundleController(deps.bundles(), new Slots("bundle downloads", BundleController.DOWNLOAD_SLOTS));
        IntakeController intake = new IntakeController(deps.intake());
        byte[] stylesheet = resource("/static/app.css");

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.multipartConfig.maxFileSize(64, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(65, SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.fileRenderer(views);
            config.appData(ClientAddress.KEY, deps.clientAddress());
            config.jetty.modifyServer(server -> server.setErrorHandler(new BareErrorHandler()));
            var routes = config.routes;

            // Filters.
            routes.before(RequestGuards::securityHeaders);
            routes.before(ctx -> {
                if (!Paths.isApi(ctx.path())) {
                    sessions.resolve(ctx);
                }
            });
            routes.beforeMatched(ctx -> guard(ctx, sessions));

            // Staff pages.
            page(routes, Paths.ROOT, ctx -> ctx.redirect(Paths.MISSIONS, HttpStatus.SEE_OTHER), Access.ANYONE);
            page(routes, Paths.STYLESHEET, ctx -> ctx.contentType("text/css; charset=utf-8").result(stylesheet),
                    Access.ANYONE);
            page(routes, Paths.LOGIN, staff::loginForm, Access.ANYONE);
            routes.post(Paths.LOGIN, staff::login, Access.ANYONE);
            routes.post(Paths.LOGOUT, staff::logout, Access.STAFF);
            routes.post(Paths.LANGUAGE, staff::language, Access.ANYONE);
            page(routes, Paths.MISSIONS, missions::list, Access.STAFF);
            routes.post(Paths.MISSIONS, missions::create, Access.ADMIN);
            page(routes, Paths.MISSION, missions::show, Access.STAFF);
            routes.post(Paths.MISSION_CODES, missions::issueCode, Access.ADMIN);
            routes.post(Paths.MISSION_BUNDLES, missions::publishBundle, Access.ADMIN);
            page(routes, Paths.MISSION_REPORT, reports::show, Access.STAFF);
            page(routes, Paths.MISSION_REPORT_ATTACHMENT, reports::attachment, Access.STAFF);

            // Device API (docs/http-api.md).
            routes.get(Paths.API_HEALTH, ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"),
                    Access.DEVICE);
            routes.get(Paths.API_AGENCY, enrolment::agency, Access.DEVICE);
            routes.post(Paths.API_ENROL, enrolment::offer, Access.DEVICE);
            routes.post(Paths.API_ENROL_CONFIRM, enrolment::confirm, Access.DEVICE);
            routes.get(Paths.API_BUNDLE, bundles::latest, Access.DEVICE);
            routes.post(Paths.API_REPORT, intake::receive, Access.DEVICE);

            // Exceptions: device API answers in JSON, staff pages in HTML.
            routes.exception(MalformedEnrolmentException.class, (e, ctx) ->
                    api(ctx, 400, ApiErrors.MALFORMED, e.getMessage()));
            routes.exception(CodeRejectedException.class, (e, ctx) ->
                    api(ctx, 403, ApiErrors.CODE_REJECTED, e.getMessage()));
            routes.exception(TooManyAttemptsException.class, (e, ctx) -> {
                ctx.header("Retry-After", "600");
                api(ctx, 429, ApiErrors.BUSY, e.getMessage());
            });
            routes.exception(InvalidReportException.class, (e, ctx) ->
                    api(ctx, 400, ApiErrors.INVALID_REPORT, e.getMessage()));
            routes.exception(ReportConflictException.class, (e, ctx) ->
                    api(ctx, 409, ApiErrors.CONFLICT, e.getMessage()));
            routes.exception(IntakeBusyException.class, (e, ctx) -> {
                ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                api(ctx, 503, ApiErrors.BUSY, e.getMessage());
            });
            routes.exception(BodyTooLargeException.class, (e, ctx) -> {
                if (Paths.isApi(ctx.path())) {
                    api(ctx, 413, ApiErrors.TOO_LARGE, e.getMessage());
                } else {
                    page(ctx, views, sessions, 413, sessions.translator(ctx).t("error.tooLarge"));
                }
            });
            routes.exception(UnknownMissionException.class, (e, ctx) -> notFound(ctx, views, sessions));
            routes.exception(PageNotFoundException.class, (e, ctx) -> notFound(ctx, views, sessions));
            routes.exception(ForbiddenException.class, (e, ctx) ->
                    page(ctx, views, sessions, 403, sessions.translator(ctx).t(e.messageKey())));
            routes.exception(InvalidInputException.class, (e, ctx) -> {
                Translator t = sessions.translator(ctx);
                page(ctx, views, sessions, 400, t.t("error.badRequest",
                        t.t("error.field", t.t(e.fieldKey()), t.t(e.ruleKey(), e.ruleArgs()))));
            });
            routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 404) {
                    notFound(ctx, views, sessions);
                } else if (e.getStatus() == 413) {
                    if (Paths.isApi(ctx.path())) {
                        api(ctx, 413, ApiErrors.TOO_LARGE, "the request body is too large");
                    } else {
                        page(ctx, views, sessions, 413, sessions.translator(ctx).t("error.tooLarge"));
                    }
                } else if (Paths.isApi(ctx.path())) {
                    api(ctx, e.getStatus(), ApiErrors.MALFORMED, e.getMessage());
                } else {
                    page(ctx, views, sessions, e.getStatus(),
                            sessions.translator(ctx).t("error.badRequest", e.getMessage()));
                }
            });
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                if (Paths.isApi(ctx.path())) {
                    api(ctx, 500, ApiErrors.INTERNAL, "the server failed unexpectedly; nothing was stored");
                } else {
                    page(ctx, views, sessions, 500, sessions.translator(ctx).t("error.internal"));
                }
            });
            routes.error(404, ctx -> {
                if (!isJson(ctx)) {
                    notFound(ctx, views, sessions);
                }
            });
        });
    }

    /**
     * A staff page: GET, and HEAD through the same handler and guard. (Left to itself Javalin answers
     * HEAD on a GET route with an empty 200 without running any filter; Jetty drops the body of a HEAD
     * answer.)
     */
    private static void page(RoutesConfig routes, String path, Handler handler, RouteRole role) {
        routes.get(path, handler, role);
        routes.head(path, handler, role);
    }

    /** The access filter: API routes pass; form posts need the same site and the CSRF token; staff routes a login. */
    private static void guard(Context ctx, WebSessions sessions) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Access.DEVICE)) {
            return;
        }
        if (ctx.method() == HandlerType.POST) {
            long limit = ctx.path().endsWith("/bundles") ? MAX_REQUEST_BYTES : MAX_FORM_BYTES;
            if (ctx.req().getContentLengthLong() > limit) {
                throw new BodyTooLargeException(limit);
            }
            RequestGuards.sameOrigin(ctx);
            sessions.checkCsrf(ctx);
        }
        boolean staffOnly = roles.contains(Access.STAFF) || roles.contains(Access.ADMIN);
        if (!staffOnly) {
            return;
        }
        boolean signedIn = sessions.current(ctx).map(StaffSession::authenticated).orElse(false);
        if (!signedIn) {
            if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
                ctx.redirect(Paths.LOGIN, HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new ForbiddenException("error.forbidden", "this action needs a logged-in staff member");
        }
        if (roles.contains(Access.ADMIN) && !sessions.member(ctx).isAdmin()) {
            throw new ForbiddenException("error.forbidden", "this action needs an administrator");
        }
    }

    private static void api(Context ctx, int status, String code, String message) {
        RequestGuards.securityHeaders(ctx);
        ApiErrors.send(ctx, status, code, message);
    }

    private static void notFound(Context ctx, Views views, WebSessions sessions) {
        if (Paths.isApi(ctx.path())) {
            api(ctx, 404, ApiErrors.NOT_FOUND, "there is nothing at " + ctx.method() + " " + printable(ctx.path()));
        } else {
            page(ctx, views, sessions, 404, sessions.translator(ctx).t("error.notFound"));
        }
    }

    private static void page(Context ctx, Views views, WebSessions sessions, int status, String message) {
        RequestGuards.securityHeaders(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8")
                .result(views.html("error.jte", new ErrorPage(sessions.layout(ctx), status, message)));
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    private static String printable(String path) {
        String s = path.length() > 100 ? path.substring(0, 100) + "…" : path;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
