package be.carnet.server.staff;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Who may run a password check now. At most {@code running} checks run at once (each Argon2id check
 * takes 64 MiB and a core); a client waits for its turn behind at most one check per other client,
 * because each client address has its own line and only the head of each line waits for a running
 * place (first come, first served). So a burst from one address queues behind itself, not in front of
 * everyone else's login. At most {@code capacity} logins wait or run in all; one more is refused at
 * once ({@link #enter} answers empty) instead of holding a server thread. Thread-safe.
 */
public final class LoginGate {

    /** Password checks that run at once. */
    public static final int RUNNING = 2;
    /** Logins that may wait or run at once before the next is refused as busy. */
    public static final int CAPACITY = 32;

    private final Semaphore running;
    private final int capacity;
    private final Map<String, Line> lines = new HashMap<>();
    private int inside;

    public LoginGate(int running, int capacity) {
        if (running < 1 || capacity < running) {
            throw new IllegalArgumentException("a login gate needs 1 <= running <= capacity");
        }
        this.running = new Semaphore(running, true);
        this.capacity = capacity;
    }

    /** The production gate: {@link #RUNNING} checks at once, {@link #CAPACITY} logins inside. */
    public static LoginGate standard() {
        return new LoginGate(RUNNING, CAPACITY);
    }

    /**
     * Waits until {@code client} may run its check, and returns the pass to close when it is done; empty,
     * at once, when the gate is full.
     */
    public Optional<Pass> enter(String client) {
        Line line;
        synchronized (this) {
            if (inside >= capacity) {
                return Optional.empty();
            }
            inside++;
            line = lines.computeIfAbsent(client, k -> new Line());
            line.users++;
        }
        boolean turn = false;
        boolean place = false;
        try {
            line.turn.acquireUninterruptibly();
            turn = true;
            running.acquireUninterruptibly();
            place = true;
            return Optional.of(new Pass(client, line));
        } finally {
            if (!place) {
                leave(client, line, turn, false);
            }
        }
    }

    /** Logins waiting for a running place now (an estimate while threads arrive; exact once they wait). */
    public int waitingForPlace() {
        return running.getQueueLength();
    }

    /** Logins waiting, for a place or in their client's line (estimates while threads arrive). */
    public synchronized int waiting() {
        int inLines = 0;
        for (Line line : lines.values()) {
            inLines += line.turn.getQueueLength();
        }
        return inLines + running.getQueueLength();
    }

    /** Logins waiting or running now. */
    public synchronized int inside() {
        return inside;
    }

    private void leave(String client, Line line, boolean turn, boolean place) {
        if (place) {
            running.release();
        }
        if (turn) {
            line.turn.release();
        }
        synchronized (this) {
            inside--;
            if (--line.users == 0) {
                lines.remove(client);
            }
        }
    }

    /** One client's line: only its head waits for a running place. */
    private static final class Line {
        final Semaphore turn = new Semaphore(1, true);
        int users;
    }

    /** The right to run one password check; close it when the check is done. */
    public final class Pass implements AutoCloseable {

        private final String client;
        private final Line line;
        private boolean closed;

        private Pass(String client, Line line) {
            this.client = client;
            this.line = line;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            leave(client, line, true, true);
        }
    }
}
