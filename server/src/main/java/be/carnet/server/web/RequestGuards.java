package be.carnet.server.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The response headers every answer carries, and the refusal of form posts made from another site. */
public final class RequestGuards {

    public static final String CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    /** The headers every answer carries, in the order they are sent (also used by {@link BareErrorHandler}). */
    public static final Map<String, String> SECURITY_HEADERS = securityHeaderMap();

    private RequestGuards() {
    }

    /** Sets the security headers; called before every request and again on every error answer. */
    public static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    private static Map<String, String> securityHeaderMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Frame-Options", "DENY");
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Refuses a state change that a browser says came from another site ({@code Sec-Fetch-Site}), or
     * whose {@code Origin} is not this server's host.
     *
     * <p>{@code Origin: null} is accepted only together with {@code Sec-Fetch-Site: same-origin}: browsers
     * send a null origin for every form post from a page served with {@code Referrer-Policy: no-referrer},
     * which every Carnet page is, and then say where the post came from in {@code Sec-Fetch-Site}. The
     * session's CSRF token is checked after this in every case.
     *
     * @throws ForbiddenException naming the header that refused it
     */
    public static void sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            String value = site.strip().toLowerCase(Locale.ROOT);
            if (value.equals("cross-site") || value.equals("same-site")) {
                throw new ForbiddenException("error.crossSite", "Sec-Fetch-Site says the form came from another site");
            }
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        if (origin.strip().equals("null")) {
            if (site == null || !site.strip().equalsIgnoreCase("same-origin")) {
                throw new ForbiddenException("error.crossSite",
                        "a null Origin is accepted only with Sec-Fetch-Site: same-origin");
            }
            return;
        }
        if (!matchesHost(origin, ctx.header("Host"))) {
            throw new ForbiddenException("error.crossSite", "the Origin header names another site");
        }
    }

    private static boolean matchesHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = new URI(origin.strip()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
