package be.carnet.client.agency;

import java.time.Duration;

/** Waits between attempts; {@link #REAL} sleeps, tests record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
