package be.carnet.client.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * The filter in front of every request, in this order: security headers (so even a refusal carries
 * them), the Host allowlist, the session (except for the launch link and the stylesheet), the
 * state-change checks on anything but GET and HEAD, and the idle lock.
 */
public final class RequestGuard {

    private final Sessions sessions;
    private final Activity activity;

    public RequestGuard(Sessions sessions, Activity activity) {
        this.sessions = sessions;
        this.activity = activity;
    }

    public void check(Context ctx) {
        SecurityHeaders.apply(ctx);
        HostAllowlist.check(ctx);
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        if (read && (ctx.path().equals(Paths.LAUNCH) || ctx.path().equals(Paths.STYLESHEET))) {
            return;
        }
        Session session = sessions.find(ctx).orElseThrow(NoSessionException::new);
        ctx.attribute(Pages.SESSION_ATTRIBUTE, session);
        if (!read) {
            StateChangeGuard.check(ctx, session);
        }
        activity.seen();
    }
}
