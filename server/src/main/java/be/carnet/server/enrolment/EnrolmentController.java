package be.carnet.server.enrolment;

import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.server.web.Bodies;
import be.carnet.server.web.ClientAddress;
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
        String client = ClientAddress.of(ctx);
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
}
