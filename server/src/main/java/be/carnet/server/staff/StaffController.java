package be.carnet.server.staff;

import be.carnet.i18n.Language;
import be.carnet.server.enrolment.AttemptLimiter;
import be.carnet.server.web.ClientAddress;
import be.carnet.server.web.Layout;
import be.carnet.server.web.Paths;
import be.carnet.server.web.Views;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Login, logout and the language switch. I/O only: the rules live in {@link StaffService}. */
public final class StaffController {

    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9/_-]{0,200}");
    private static final Pattern FORM_TARGET = Pattern.compile("(/missions/[A-Za-z0-9-]+)/(codes|bundles)");

    /** How long a failed login counts against its client address. */
    public static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
    /** Failed logins one client address may have within {@link #LOGIN_WINDOW}. */
    public static final int MAX_FAILED_LOGINS = 10;
    private static final String RETRY_AFTER_SECONDS = Long.toString(LOGIN_WINDOW.toSeconds());
    private static final String BUSY_RETRY_AFTER_SECONDS = "5";

    private final StaffService staff;
    private final WebSessions sessions;
    private final AttemptLimiter limiter;

    /**
     * @param limiter counts logins per client address, each before its password is checked (forgiven
     *     unless the name or password was wrong); a client over its limit is refused without a check
     */
    public StaffController(StaffService staff, WebSessions sessions, AttemptLimiter limiter) {
        this.staff = staff;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    public void loginForm(Context ctx) {
        if (sessions.current(ctx).map(StaffSession::authenticated).orElse(false)) {
            ctx.redirect(Paths.MISSIONS, HttpStatus.SEE_OTHER);
            return;
        }
        Views.render(ctx, "staff/login.jte", new LoginPage(sessions.layout(ctx), null, ""));
    }

    public void login(Context ctx) {
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        String client = ClientAddress.of(ctx);
        Optional<AttemptLimiter.Attempt> attempt = limiter.reserve(client);
        if (attempt.isEmpty()) {
            refuse(ctx, HttpStatus.TOO_MANY_REQUESTS, RETRY_AFTER_SECONDS, "login.tooMany", username);
            return;
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        boolean failed = false;
        try {
            var member = staff.authenticate(client, username == null ? "" : username.strip(), secret);
            if (member.isPresent()) {
                sessions.login(ctx, member.get());
                ctx.redirect(Paths.MISSIONS, HttpStatus.SEE_OTHER);
                return;
            }
            failed = true;
        } catch (LoginBusyException e) {
            refuse(ctx, HttpStatus.SERVICE_UNAVAILABLE, BUSY_RETRY_AFTER_SECONDS, "login.busy", username);
            return;
        } finally {
            Arrays.fill(secret, '\0');
            if (!failed) {
                // Only a wrong name or password counts; a login that succeeded or was not checked does not.
                attempt.get().forgive();
            }
        }
        Layout layout = sessions.layout(ctx);
        ctx.status(HttpStatus.UNAUTHORIZED);
        Views.render(ctx, "staff/login.jte", new LoginPage(layout, layout.t().t("login.failed"),
                username == null ? "" : username));
    }

    private void refuse(Context ctx, HttpStatus status, String retryAfter, String messageKey, String username) {
        Layout layout = sessions.layout(ctx);
        ctx.status(status).header("Retry-After", retryAfter);
        Views.render(ctx, "staff/login.jte", new LoginPage(layout, layout.t().t(messageKey),
                username == null ? "" : username));
    }

    public void logout(Context ctx) {
        sessions.logout(ctx);
        ctx.redirect(Paths.LOGIN, HttpStatus.SEE_OTHER);
    }

    public void language(Context ctx) {
        Language language = Language.fromCode(ctx.formParam("lang"))
                .orElseThrow(() -> new BadRequestResponse("lang must be fr, nl or en"));
        sessions.setLanguage(ctx, language);
        ctx.redirect(back(ctx.formParam("back")), HttpStatus.SEE_OTHER);
    }

    /** Where to go after the switch: the page it was made on, if that is a plain local page path. */
    static String back(String requested) {
        if (requested == null || !LOCAL_PATH.matcher(requested).matches() || requested.startsWith("//")) {
            return Paths.MISSIONS;
        }
        Matcher formTarget = FORM_TARGET.matcher(requested);
        if (formTarget.matches()) {
            return formTarget.group(1);
        }
        if (requested.equals(Paths.LOGOUT) || requested.equals(Paths.LANGUAGE)) {
            return Paths.LOGIN;
        }
        return requested;
    }
}
