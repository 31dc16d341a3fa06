package be.carnet.client.agency;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a request again: a small, bounded number of attempts, exponential backoff with full
 * jitter (a random wait between zero and the doubled ceiling), and the server's {@code Retry-After}
 * honoured when it gives one. Immutable.
 *
 * @param maxAttempts attempts in all, the first included
 * @param baseDelay the ceiling before the first retry
 * @param maxDelay the largest ceiling
 * @param maxRetryAfter a longer {@code Retry-After} ends the attempts (the traveller retries later)
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 10");
        }
    }

    /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (from 1) failed. */
    Duration backoff(int attempt, RandomGenerator random) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }
}
