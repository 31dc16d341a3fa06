package be.carnet.client.web;

import io.javalin.http.Context;
import java.util.Set;

/**
 * The exact Host values the server answers: {@code 127.0.0.1:PORT}, {@code localhost:PORT} and
 * {@code [::1]:PORT}, where PORT is the port the connection came in on. Anything else, including a
 * missing port or another name that resolves to 127.0.0.1, is refused: a page on another site that
 * rebinds its DNS name to loopback still sends its own name.
 */
final class HostAllowlist {

    private HostAllowlist() {
    }

    static Set<String> hosts(int port) {
        return Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    static Set<String> origins(int port) {
        return Set.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port);
    }

    static void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !hosts(ctx.req().getLocalPort()).contains(host)) {
            throw new ForbiddenHostException();
        }
    }
}
