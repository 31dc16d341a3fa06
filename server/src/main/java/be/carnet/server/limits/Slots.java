package be.carnet.server.limits;

import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * A fixed number of places for one kind of work that holds a request thread for a while (a bundle
 * download to a slow device). Taking a place never waits: when all are taken the caller refuses at once
 * (503), so a burst cannot queue the server's threads behind it. Thread-safe.
 */
public final class Slots {

    private final String name;
    private final Semaphore places;

    /**
     * @param name what the places are for, in log lines and messages
     * @param size how many may run at once, at least 1
     */
    public Slots(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException(name + " needs at least one place, not " + size);
        }
        this.name = name;
        this.places = new Semaphore(size);
    }

    /** A place, to close when the work is done; empty when every place is taken. */
    public Optional<Place> tryTake() {
        if (!places.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new Place(places));
    }

    /** How many places are free now (for tests and monitoring). */
    public int free() {
        return places.availablePermits();
    }

    public String name() {
        return name;
    }

    /** A taken place; closing it twice frees it once. */
    public static final class Place implements AutoCloseable {
        private final Semaphore places;
        private boolean closed;

        private Place(Semaphore places) {
            this.places = places;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                places.release();
            }
        }
    }
}
