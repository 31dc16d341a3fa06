package be.carnet.server.staff;

import be.carnet.server.web.ForbiddenException;
import be.carnet.server.web.Layout;

import be.carnet.i18n.Language;
import be.carnet.i18n.Messages;
import be.carnet.i18n.Translator;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Binds staff sessions to requests: the {@code carnet_staff} cookie (HttpOnly, SameSite=Strict, Path=/,
 * Secure over HTTPS), the request's translator and page frame, and the CSRF token check. Thread-safe.
 */
public final class WebSessions {

    public static final String COOKIE = "carnet_staff";
    public static final String CSRF_FIELD = "csrf";
    private static final String ATTRIBUTE = "carnet.session";

    private final SessionStore store;
    private final Messages messages;
    private final ZoneId zone;

    public WebSessions(SessionStore store, Messages messages, ZoneId zone) {
        this.store = store;
        this.messages = messages;
        this.zone = zone;
    }

    /** Finds the request's live session by its cookie, if any (a before-filter). */
    public void resolve(Context ctx) {
        store.find(ctx.cookie(COOKIE)).ifPresent(session -> ctx.attribute(ATTRIBUTE, session));
    }

    /** The request's session, if it has a live one. */
    public Optional<StaffSession> current(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The request's session, opening an anonymous one (and setting its cookie) if there is none. */
    public StaffSession ensure(Context ctx) {
        Optional<StaffSession> current = current(ctx);
        if (current.isPresent()) {
            return current.get();
        }
        StaffSession opened = store.open(Language.fromAcceptLanguage(ctx.header("Accept-Language")));
        bind(ctx, opened);
        return opened;
    }

    /** The logged-in staff member; the access filter guarantees one on staff routes. */
    public StaffMember member(Context ctx) {
        return current(ctx).flatMap(StaffSession::staff)
                .orElseThrow(() -> new ForbiddenException("error.forbidden", "this page needs a logged-in staff member"));
    }

    /** Replaces the request's session by a logged-in one for {@code member} (new id: no fixation). */
    public void login(Context ctx, StaffMember member) {
        bind(ctx, store.login(current(ctx).orElse(null), member));
    }

    /** Ends the request's session and clears its cookie. */
    public void logout(Context ctx) {
        current(ctx).ifPresent(s -> store.close(s.id()));
        ctx.req().removeAttribute(ATTRIBUTE);
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure(ctx));
    }

    /** Keeps {@code value} for the next page of the request's session (see {@link SessionStore#flash}). */
    public void flash(Context ctx, String name, String value) {
        current(ctx).ifPresent(s -> store.flash(s.id(), name, value));
    }

    /** Takes what {@link #flash} kept under {@code name} for the request's session. */
    public Optional<String> takeFlash(Context ctx, String name) {
        return current(ctx).flatMap(s -> store.takeFlash(s.id(), name));
    }

    /** Remembers {@code language} in the request's session. */
    public void setLanguage(Context ctx, Language language) {
        StaffSession session = ensure(ctx);
        store.setLanguage(session.id(), language).ifPresent(s -> ctx.attribute(ATTRIBUTE, s));
    }

    /** The translator for the request: the session's language, else the browser's. */
    public Translator translator(Context ctx) {
        Language language = current(ctx).map(StaffSession::language)
                .orElseGet(() -> Language.fromAcceptLanguage(ctx.header("Accept-Language")));
        return messages.in(language);
    }

    /** The page frame for the request, opening an anonymous session for the header forms if needed. */
    public Layout layout(Context ctx) {
        StaffSession session = ensure(ctx);
        return new Layout(messages.in(session.language()), session.csrfToken(),
                session.member() == null ? null : new Layout.Viewer(session.member().username(), session.member().isAdmin()),
                ctx.path(), zone);
    }

    /**
     * Refuses a form post whose {@code csrf} field does not match the session's token (constant time).
     *
     * @throws ForbiddenException if there is no session or the token is missing or wrong
     */
    public void checkCsrf(Context ctx) {
        String sent = ctx.formParam(CSRF_FIELD);
        Optional<StaffSession> session = current(ctx);
        if (session.isEmpty() || sent == null || !MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("error.csrf", "the form's CSRF token is missing or does not match the session");
        }
    }

    private void bind(Context ctx, StaffSession session) {
        ctx.attribute(ATTRIBUTE, session);
        ctx.header("Set-Cookie", COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict" + secure(ctx));
    }

    private static String secure(Context ctx) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return https ? "; Secure" : "";
    }
}
