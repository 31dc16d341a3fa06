package be.carnet.server.web;

import io.javalin.http.Context;

/** The address a request comes from, as the key for per-client attempt limits. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The client's address: the connection's peer, or, when the peer is this machine (a reverse proxy on
     * loopback), the last address the proxy added to {@code X-Forwarded-For}. A remote client cannot
     * choose its key by sending that header itself.
     */
    public static String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && isLoopback(peer)) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        return peer;
    }

    private static boolean isLoopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("::1")
                || address.equals("0:0:0:0:0:0:0:1") || address.equals("[::1]"));
    }
}
