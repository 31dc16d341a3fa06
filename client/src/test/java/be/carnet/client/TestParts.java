package be.carnet.client;

import be.carnet.client.agency.AgencyConnector;
import be.carnet.client.agency.HttpAgency;
import be.carnet.client.agency.RetryPolicy;
import be.carnet.client.agency.Sleeper;
import be.carnet.client.vault.KdfParameters;
import be.carnet.client.vault.Pause;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/** Shared test parts: a cheap KDF, recording waits, an HTTP agency connector that never really sleeps. */
public final class TestParts {

    /** 1 MiB, one pass: fast enough for many tests; the default costs have their own test. */
    public static final KdfParameters CHEAP_KDF = new KdfParameters(1024, 1, 1);
    public static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    private TestParts() {
    }

    /** Records the waits asked for instead of sleeping. */
    public static final class RecordedWaits implements Pause, Sleeper {
        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void pause(Duration duration) {
            waits.add(duration);
        }

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }

        public List<Duration> waits() {
            return List.copyOf(waits);
        }
    }

    /** Real HTTP with the default retry policy, waits recorded instead of slept. */
    public static AgencyConnector httpAgencies(RecordedWaits waits, Clock clock) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        return server -> new HttpAgency(server, client, RetryPolicy.DEFAULT, waits, RandomGenerator.getDefault(), clock);
    }
}
