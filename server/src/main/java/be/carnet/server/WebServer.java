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
import be.carnet.server.web.MalformedFormException;
import be.carnet.server.web.PageNotFoundException;
import be.carnet.server.web.Paths;
import be.carnet.server.web.RequestGuards;
import be.carnet.server.web.Views;

import be.carnet.i18n.Messages;
import be.carnet.i18n.Translator;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.protocol.report.Report;
import be.carnet.server.bundle.BundleController;
import be.carnet.server.limits.BodyGate;
import be.carnet.server.limits.BodyLimits;
import be.carnet.server.limits.BodyRefusedException;
import be.carnet.server.limits.ByteRoom;
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
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
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

    private static final String API_REPORT_PREFIX = "/api/v1/reports/";
    /** The bundle upload, the one body read only after the guard has admitted an administrator. */
    private static final Pattern BUNDLE_UPLOAD = Pattern.compile("/missions/[^/]+/bundles");

    /** The configured, not yet started, server, with the default body limits. */
    public static Javalin create(Deps deps) {
        return create(deps, defaultBodyLimits());
    }

    /** The pace and room for request bodies unless the operator changes them (docs/operator-guide.md). */
    public static BodyLimits defaultBodyLimits() {
        return BodyLimits.defaults(IntakeService.MAX_SEALED_BYTES, MAX_FORM_BYTES);
    }

    /** The configured, not yet started, server. */
    public static Javalin create(Deps deps, BodyLimits limits) {
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
        ByteRoom reportRoom = new ByteRoom("reports", limits.reportRoom(), limits.reportRoomPerClient());
        ByteRoom formRoom = new ByteRoom("forms", limits.formRoom(), limits.formRoomPerClient());
        BodyGate gate = new BodyGate(request -> bodyRule(request, deps.sessions(), reportRoom, formRoom), limits,
                request -> deps.clientAddress().resolve(Request.getRemoteAddr(request),
                        request.getHeaders().getValuesList("X-Forwarded-For")));

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.multipartConfig.maxFileSize(64, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(65, SizeUnit.MB);
            // Only an administrator's bundle upload can pass 1 MiB: every other body is at most 64 KiB (BodyGate).
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.modifyServer(server -> server.insertHandler(gate));
            config.fileRenderer(views);
            config.appData(ClientAddress.KEY, deps.clientAddress());
            config.jetty.modifyServer(server -> server.setErrorHandler(new BareErrorHandler()));
            var routes = config.routes;

            // Filters.
            routes.before(RequestGuards::securityHeaders);
            routes.before(WebServer::refuseGatedBody);
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
            page(routes, Paths.API_HEALTH, ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"),
                    Access.DEVICE);
            page(routes, Paths.API_AGENCY, enrolment::agency, Access.DEVICE);
            routes.post(Paths.API_ENROL, enrolment::offer, Access.DEVICE);
            routes.post(Paths.API_ENROL_CONFIRM, enrolment::confirm, Access.DEVICE);
            page(routes, Paths.API_BUNDLE, bundles::latest, Access.DEVICE);
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
            routes.exception(BodyRefusedException.class, (e, ctx) -> {
                int status = e.refusal() == BodyGate.Refusal.BUSY ? 503 : 408;
                if (e.refusal() == BodyGate.Refusal.BUSY) {
                    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                }
                if (Paths.isApi(ctx.path())) {
                    api(ctx, status, status == 503 ? ApiErrors.BUSY : ApiErrors.TOO_SLOW, e.getMessage());
                } else {
                    page(ctx, views, sessions, status,
                            sessions.translator(ctx).t(status == 503 ? "error.busy" : "error.tooSlow"));
                }
            });
            routes.exception(MalformedFormException.class, (e, ctx) -> {
                // One line, no stack trace: anyone can send a broken form, and the log must not be theirs to fill.
                LOG.info("refused a form on {} {}: {}", ctx.method(), printable(ctx.path()), e.getMessage());
                page(ctx, views, sessions, e.status(), sessions.translator(ctx).t("error.malformedForm"));
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
     * A page or device GET route: GET, and HEAD through the same handler and guard. (Left to itself Javalin answers
     * HEAD on a GET route with an empty 200 without running any filter; Jetty drops the body of a HEAD
     * answer.)
     */
    private static void page(RoutesConfig routes, String path, Handler handler, RouteRole role) {
        routes.get(path, handler, role);
        routes.head(path, handler, role);
    }

    /**
     * The access filter: API routes pass; staff routes need a login (and the administrator's an administrator),
     * checked before any body is read; form posts then need the same site and the CSRF token.
     */
    private static void guard(Context ctx, WebSessions sessions) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Access.DEVICE)) {
            return;
        }
        boolean staffOnly = roles.contains(Access.STAFF) || roles.contains(Access.ADMIN);
        if (staffOnly) {
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
        if (ctx.method() == HandlerType.POST) {
            boolean upload = BUNDLE_UPLOAD.matcher(ctx.path()).matches();
            long limit = upload ? MAX_REQUEST_BYTES : MAX_FORM_BYTES;
            if (ctx.req().getContentLengthLong() > limit) {
                throw new BodyTooLargeException(limit);
            }
            RequestGuards.sameOrigin(ctx);
            if (ctx.isMultipartFormData()) {
                if (!upload) {
                    throw new MalformedFormException(415, "only the bundle upload takes a multipart form");
                }
                parseMultipart(ctx);
            }
            sessions.checkCsrf(ctx);
        }
    }

    /** Parses a multipart form once, so that a body that does not parse is a 400, not a failure. */
    private static void parseMultipart(Context ctx) {
        try {
            ctx.formParamMap();
        } catch (HttpResponseException | BodyTooLargeException e) {
            throw e;
        } catch (Exception e) {
            // Javalin rethrows the servlet's checked ServletException (wrapping Jetty's "bad multipart") unchecked.
            throw new MalformedFormException(400, "the multipart form does not parse (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /** Turns a body {@link BodyGate} refused into the answer; nothing of it is read. */
    private static void refuseGatedBody(Context ctx) {
        Object refusal = ctx.attribute(BodyGate.REFUSAL);
        if (refusal == BodyGate.Refusal.TOO_LARGE) {
            throw new BodyTooLargeException(gatedBodyLimit(ctx.path()));
        }
        if (refusal instanceof BodyGate.Refusal r) {
            throw new BodyRefusedException(r);
        }
    }

    /**
     * How {@link BodyGate} reads a POST body, decided on the request line and the session cookie alone: a
     * sealed report to a valid id, in the report room; a form to an open route (login, language, enrolment) or
     * from a logged-in session, in the form room. Anything else is not read before the application: the route
     * refuses it unread (404, 403 without a login), or, for the bundle upload, the guard admits an administrator
     * first.
     */
    private static BodyGate.Rule bodyRule(Request request, SessionStore sessions, ByteRoom reports, ByteRoom forms) {
        if (!HandlerType.POST.name().equals(request.getMethod())) {
            return null;
        }
        String path = Request.getPathInContext(request);
        if (isReportUpload(path)) {
            boolean validId = Report.isValidId(path.substring(API_REPORT_PREFIX.length()));
            return validId ? new BodyGate.Rule(gatedBodyLimit(path), reports) : null;
        }
        if (path.equals(Paths.LOGIN) || path.equals(Paths.LANGUAGE) || path.equals(Paths.API_ENROL)
                || path.equals(Paths.API_ENROL_CONFIRM)) {
            return new BodyGate.Rule(gatedBodyLimit(path), forms);
        }
        if (Paths.isApi(path) || BUNDLE_UPLOAD.matcher(path).matches()) {
            return null;
        }
        boolean signedIn = Request.getCookies(request).stream()
                .filter(cookie -> cookie.getName().equals(WebSessions.COOKIE))
                .map(HttpCookie::getValue)
                .anyMatch(id -> sessions.find(id).map(StaffSession::authenticated).orElse(false));
        return signedIn ? new BodyGate.Rule(MAX_FORM_BYTES, forms) : null;
    }

    /** The most bytes {@link BodyGate} reads of a body to {@code path}. */
    private static long gatedBodyLimit(String path) {
        if (isReportUpload(path)) {
            return IntakeService.MAX_SEALED_BYTES;
        }
        return path.equals(Paths.API_ENROL) || path.equals(Paths.API_ENROL_CONFIRM) ? EnrolmentRequest.MAX_BYTES
                : MAX_FORM_BYTES;
    }

    private static boolean isReportUpload(String path) {
        return path.startsWith(API_REPORT_PREFIX);
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
