package be.carnet.server.enrolment;

import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.server.web.Bodies;
import be.carnet.server.web.ClientAddress;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * {@code GET /api/v1/agency}, {@code POST /api/v1/enrol} (the offer) and {@code POST /api/v1/enrol/confirm}.
 * I/O only; refused attempts at either phase count against the client's address. Each attempt is counted
 * before its code is looked at and forgiven when it did not fail on the code or the request, so parallel
 * guesses cannot all slip under the limit.
 */
public final class EnrolmentController {

    /** Refused attempts one client address may have within {@link #WINDOW}. */
    public static final int MAX_FAILURES = 20;
    /** How long a refused attempt counts against its client address. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

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
        AttemptLimiter.Attempt attempt = limiter.reserve(ClientAddress.of(ctx))
                .orElseThrow(TooManyAttemptsException::new);
        boolean refused = false;
        try {
            byte[] untrusted = Bodies.read(ctx, EnrolmentRequest.MAX_BYTES);
            byte[] answer = phase.apply(untrusted);
            ctx.contentType("application/json").result(answer);
        } catch (CodeRejectedException | MalformedEnrolmentException e) {
            refused = true;
            throw e;
        } finally {
            if (!refused) {
                attempt.forgive();
            }
        }
    }
}
