package be.carnet.client.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * The filters in front of every request, in this order: security headers (so even a refusal carries
 * them) and the Host allowlist on every request; then, once a route matched, the session its
 * {@link Access} role needs, the state-change checks on anything but GET and HEAD, and the idle lock
 * (the request counts as in flight until {@link #finish}, so the lock never fires under it).
 */
public final class RequestGuard {

    private static final String IN_FLIGHT_ATTRIBUTE = "carnet.inFlight";

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
     * checks on anything but GET and HEAD, then the idle lock's activity: a
     * lock that is due happens first, then the request counts as in flight until {@link #finish}.
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
        ctx.attribute(IN_FLIGHT_ATTRIBUTE, activity.begin());
    }

    /**
     * After the request was answered, by any path (the after filter, an exception mapping, a redirect
     * from the vault-state filter): ends it for the idle lock. Does nothing for a request that was not
     * begun or is already ended, so every path may call it.
     */
    public void finish(Context ctx) {
        Object token = ctx.attribute(IN_FLIGHT_ATTRIBUTE);
        if (token != null) {
            ctx.attribute(IN_FLIGHT_ATTRIBUTE, null);
            activity.end(token);
        }
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
