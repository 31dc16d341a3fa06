package be.carnet.server.enrolment;

import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.server.web.Bodies;
import io.javalin.http.Context;

/** {@code POST /api/v1/enrol}. I/O only; refused attempts count against the client's address. */
public final class EnrolmentController {

    private final EnrolmentService enrolments;
    private final AttemptLimiter limiter;

    public EnrolmentController(EnrolmentService enrolments, AttemptLimiter limiter) {
        this.enrolments = enrolments;
        this.limiter = limiter;
    }

    public void enrol(Context ctx) {
        String client = client(ctx);
        if (!limiter.allows(client)) {
            throw new TooManyAttemptsException();
        }
        byte[] untrustedRequest = Bodies.read(ctx, EnrolmentRequest.MAX_BYTES);
        byte[] answer;
        try {
            answer = enrolments.enrol(untrustedRequest);
        } catch (CodeRejectedException | MalformedEnrolmentException e) {
            limiter.failed(client);
            throw e;
        }
        ctx.contentType("application/json").result(answer);
    }

    /**
     * The client's address: the connection's peer, or, when the peer is this machine (a reverse proxy on
     * loopback), the last address the proxy added to {@code X-Forwarded-For}. A remote client cannot
     * choose its key by sending that header itself.
     */
    static String client(Context ctx) {
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
