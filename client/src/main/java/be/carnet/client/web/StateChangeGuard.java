package be.carnet.client.web;


import static java.nio.charset.StandardCharsets.UTF_8;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The checks on every state-changing request (every POST): the {@code Origin} is absent or this
 * server's own; {@code Sec-Fetch-Site} is absent, {@code same-origin} or {@code none}; and the form's
 * {@code csrf} field equals the session's token (compared in constant time).
 *
 * <p>{@code Origin: null} is what browsers send for a form post from a page served with
 * {@code Referrer-Policy: no-referrer}, which every Carnet page is. It is accepted only together with
 * {@code Sec-Fetch-Site: same-origin}, so the browser itself vouches that the form was ours.
 */
final class StateChangeGuard {

    static final String CSRF_FIELD = "csrf";
    private static final Set<String> FETCH_SITES = Set.of("same-origin", "none");

    private StateChangeGuard() {
    }

    static void check(Context ctx, Session session) {
        String origin = ctx.header("Origin");
        String site = ctx.header("Sec-Fetch-Site");
        boolean opaqueButSameOrigin = "null".equals(origin) && "same-origin".equals(site);
        if (origin != null && !opaqueButSameOrigin
                && !HostAllowlist.origins(ctx.req().getLocalPort()).contains(origin)) {
            throw new StateChangeRefusedException("cross-origin request");
        }
        if (site != null && !FETCH_SITES.contains(site)) {
            throw new StateChangeRefusedException("Sec-Fetch-Site is " + (site.length() > 20 ? "other" : site));
        }
        // An upload over the limit is refused before its body is read: reading it for the token would fail.
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                && ctx.req().getContentLengthLong() > RequestLimits.MAX_UPLOAD_BYTES) {
            throw new UploadTooLargeException();
        }
        String token;
        try {
            token = ctx.formParam(CSRF_FIELD);
        } catch (RuntimeException e) {
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                // A multipart body the server would not read (too large without a length, or malformed).
                throw new UploadTooLargeException();
            }
            throw e;
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(UTF_8), session.csrf().getBytes(UTF_8))) {
            throw new StateChangeRefusedException("missing or wrong CSRF token");
        }
    }
}
