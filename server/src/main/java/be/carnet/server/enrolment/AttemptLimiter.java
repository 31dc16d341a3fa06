package be.carnet.server.enrolment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts attempts per client and refuses a client that had {@code maxFailures} counted attempts in the
 * last {@code window}. Used for enrolment (codes carry 80 random bits, so there it is defence in depth
 * against noise) and for staff login (where it keeps a flood of guesses from tying up the slow password
 * check).
 *
 * <p>An attempt is counted <em>before</em> its work, in one atomic step with the check
 * ({@link #reserve}); the caller then {@link Attempt#forgive forgives} it when the work succeeded (or
 * was not done). So parallel attempts cannot all pass the check before any of them is counted: of any
 * number of simultaneous attempts from one client, at most {@code maxFailures} get through.
 *
 * <p>Remembers at most {@link #MAX_CLIENTS} clients. Thread-safe.
 */
public final class AttemptLimiter {

    static final int MAX_CLIENTS = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Attempt>> attempts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Attempt>> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public AttemptLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts an attempt by {@code client} now, unless it already has {@code maxFailures} counted in the
     * window: then nothing is counted and the answer is empty (refuse the request without doing its work).
     */
    public synchronized Optional<Attempt> reserve(String client) {
        Deque<Attempt> recent = attempts.computeIfAbsent(client, k -> new ArrayDeque<>());
        prune(recent);
        if (recent.size() >= maxFailures) {
            return Optional.empty();
        }
        Attempt attempt = new Attempt(client, clock.instant());
        recent.addLast(attempt);
        return Optional.of(attempt);
    }

    private synchronized void forgive(Attempt attempt) {
        Deque<Attempt> recent = attempts.get(attempt.client);
        if (recent != null) {
            recent.remove(attempt);
            if (recent.isEmpty()) {
                attempts.remove(attempt.client);
            }
        }
    }

    private void prune(Deque<Attempt> recent) {
        Instant oldest = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().at.isAfter(oldest)) {
            recent.removeFirst();
        }
    }

    /** One counted attempt; it stays counted for the window unless forgiven. */
    public final class Attempt {

        private final String client;
        private final Instant at;

        private Attempt(String client, Instant at) {
            this.client = client;
            this.at = at;
        }

        /** Uncounts this attempt: it succeeded, or was refused for a reason that is not a failed guess. */
        public void forgive() {
            AttemptLimiter.this.forgive(this);
        }
    }
}
