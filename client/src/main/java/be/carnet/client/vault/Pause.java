package be.carnet.client.vault;

import java.time.Duration;

/** Waits; {@link #REAL} sleeps the calling thread, tests pass one that records instead. */
@FunctionalInterface
public interface Pause {

    Pause REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    void pause(Duration duration);
}
