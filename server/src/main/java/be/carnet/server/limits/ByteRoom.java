package be.carnet.server.limits;

import java.util.HashMap;
import java.util.Map;

/**
 * A budget of bytes that request bodies may hold in memory at once, in total and per client. Room is
 * taken as bytes are actually read, never on what a request declares, so a client that declares a large
 * body and sends nothing holds nothing. Taking never waits: when the room is full the caller refuses at
 * once (503). Thread-safe.
 */
public final class ByteRoom {

    private final String name;
    private final long total;
    private final long perClient;
    private final Map<String, Long> heldByClient = new HashMap<>();
    private long held;

    /**
     * @param name what the room holds, in log lines and messages
     * @param total bytes all clients may hold at once
     * @param perClient bytes one client may hold at once, at most {@code total}
     */
    public ByteRoom(String name, long total, long perClient) {
        if (perClient < 1 || perClient > total) {
            throw new IllegalArgumentException(name + ": the room per client must be between 1 and " + total
                    + " bytes, not " + perClient);
        }
        this.name = name;
        this.total = total;
        this.perClient = perClient;
    }

    /** A lease for one body read by {@code client}; it holds nothing until it grows. */
    public Lease lease(String client) {
        return new Lease(client);
    }

    /** Bytes free in total now (for tests and monitoring). */
    public synchronized long free() {
        return total - held;
    }

    /** Bytes {@code client} holds now (for tests and monitoring). */
    public synchronized long heldBy(String client) {
        return heldByClient.getOrDefault(client, 0L);
    }

    public String name() {
        return name;
    }

    public long perClient() {
        return perClient;
    }

    private synchronized boolean tryTake(String client, long bytes) {
        long mine = heldByClient.getOrDefault(client, 0L);
        if (held + bytes > total || mine + bytes > perClient) {
            return false;
        }
        held += bytes;
        heldByClient.put(client, mine + bytes);
        return true;
    }

    private synchronized void give(String client, long bytes) {
        held -= bytes;
        long mine = heldByClient.getOrDefault(client, 0L) - bytes;
        if (mine <= 0) {
            heldByClient.remove(client);
        } else {
            heldByClient.put(client, mine);
        }
    }

    /** The room one body holds; closing it gives everything back, once. Thread-safe. */
    public final class Lease implements AutoCloseable {
        private final String client;
        private long mine;
        private boolean closed;

        private Lease(String client) {
            this.client = client;
        }

        /** Takes {@code bytes} more; false (and nothing taken) when the room or the client's share is full. */
        public synchronized boolean tryGrow(long bytes) {
            if (closed || !tryTake(client, bytes)) {
                return false;
            }
            mine += bytes;
            return true;
        }

        /** Bytes this lease holds. */
        public synchronized long held() {
            return mine;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                give(client, mine);
                mine = 0;
            }
        }
    }
}
