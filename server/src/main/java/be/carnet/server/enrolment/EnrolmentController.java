package be.carnet.server.enrolment;

import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.server.web.Bodies;
import be.carnet.server.web.ClientAddress;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * {@code POST /api/v1/enrol}. I/O only; refused attempts count against the client's address. Each
 * attempt is counted before its code is looked at and forgiven when it did not fail on the code or the
 * request, so parallel guesses cannot all slip under the limit.
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

    public void enrol(Context ctx) {
        AttemptLimiter.Attempt attempt = limiter.reserve(ClientAddress.of(ctx))
                .orElseThrow(TooManyAttemptsException::new);
        boolean refused = false;
        try {
            byte[] untrustedRequest = Bodies.read(ctx, EnrolmentRequest.MAX_BYTES);
            byte[] answer = enrolments.enrol(untrustedRequest);
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
