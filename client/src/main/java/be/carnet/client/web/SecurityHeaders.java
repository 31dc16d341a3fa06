package be.carnet.client.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * The headers every response carries, errors included: a strict CSP without inline script or style,
 * no framing, no sniffing, no referrer, no caching (pages hold decrypted data).
 */
public final class SecurityHeaders {

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store",
            "X-Frame-Options", "DENY",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin");

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }
}
