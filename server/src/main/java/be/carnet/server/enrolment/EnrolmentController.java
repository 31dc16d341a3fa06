package be.carnet.server.enrolment;

import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.server.web.Bodies;
import be.carnet.server.web.ClientAddress;
import io.javalin.http.Context;
import java.util.function.UnaryOperator;

/**
 * {@code GET /api/v1/agency}, {@code POST /api/v1/enrol} (the offer) and {@code POST /api/v1/enrol/confirm}.
 * I/O only; refused attempts at either phase count against the client's address.
 */
public final class EnrolmentController {

    private final EnrolmentService enrolments;
    private final AttemptLimiter limiter;

    public EnrolmentController(EnrolmentService enrolments, AttemptLimiter limiter) {
        this.enrolments = enrolments;
        this.limiter = limiter;
    }

    /** The agency's public signing key, for the device to compare with the code before it sends anything. */
    public void agency(Context ctx) {
        ctx.contentType("application/json").result(enrolments.announcement());
    }

    public void offer(Context ctx) {
        answer(ctx, enrolments::offer);
    }

    public void confirm(Context ctx) {
        answer(ctx, enrolments::confirm);
    }

    private void answer(Context ctx, UnaryOperator<byte[]> phase) {
        String client = ClientAddress.of(ctx);
        if (!limiter.allows(client)) {
            throw new TooManyAttemptsException();
        }
        byte[] untrusted = Bodies.read(ctx, EnrolmentRequest.MAX_BYTES);
        byte[] answer;
        try {
            answer = phase.apply(untrusted);
        } catch (CodeRejectedException | MalformedEnrolmentException e) {
            limiter.failed(client);
            throw e;
        }
        ctx.contentType("application/json").result(answer);
    }
}
