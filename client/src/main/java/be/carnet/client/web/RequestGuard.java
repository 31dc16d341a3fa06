package be.carnet.client.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * The filters in front of every request, in this order: security headers (so even a refusal carries
 * them) and the Host allowlist on every request; then, once a route matched, the session its
 * {@link Access} role needs, the state-change checks on anything but GET and HEAD, and the idle lock.
 */
public final class RequestGuard {

    private final Sessions sessions;
    private final Activity activity;

    public RequestGuard(Sessions sessions, Activity activity) {
        this.sessions = sessions;
        this.activity = activity;
    }

    /** Before every request, matched or not: security headers (so even a refusal carries them) and the Host allowlist. */
    public void check(Context ctx) {
        SecurityHeaders.apply(ctx);
        HostAllowlist.check(ctx);
    }

    /**
     * Before a matched route's handler: the session its {@link Access} role needs, the state-change
     * checks on anything but GET and HEAD, then the idle lock's activity.
     *
     * @throws IllegalStateException if the route was registered without an {@link Access} role
     */
    public void admit(Context ctx) {
        Access access = Access.of(ctx.routeRoles());
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        if (access == Access.OPEN && read) {
            return;
        }
        Session session = sessions.find(ctx).orElseThrow(NoSessionException::new);
        ctx.attribute(Pages.SESSION_ATTRIBUTE, session);
        if (!read) {
            StateChangeGuard.check(ctx, session);
        }
        activity.seen();
    }

    /**
     * For a request no route matched: attaches the session for the page's chrome.
     *
     * @return whether there is a session; without one the caller answers as for any page without a session,
     *     so which addresses exist is not revealed
     */
    public boolean attachSessionIfAny(Context ctx) {
        Optional<Session> session = sessions.find(ctx);
        session.ifPresent(found -> ctx.attribute(Pages.SESSION_ATTRIBUTE, found));
        return session.isPresent();
    }
}
