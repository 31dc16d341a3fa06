package be.carnet.server.enrolment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts refused attempts per client and blocks a client that had {@code maxFailures} in the last
 * {@code window}. Used for enrolment (codes carry 80 random bits, so there it is defence in depth against
 * noise) and for staff login (where it keeps a flood of guesses from tying up the slow password check). Remembers at most {@link #MAX_CLIENTS} clients. Thread-safe.
 */
public final class AttemptLimiter {

    static final int MAX_CLIENTS = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public AttemptLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** True when {@code client} may try again. */
    public synchronized boolean allows(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return true;
        }
        prune(recent);
        return recent.size() < maxFailures;
    }

    /** Records a refused attempt by {@code client}. */
    public synchronized void failed(String client) {
        Deque<Instant> recent = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
        prune(recent);
        recent.addLast(clock.instant());
    }

    private void prune(Deque<Instant> recent) {
        Instant oldest = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldest)) {
            recent.removeFirst();
        }
    }
}
