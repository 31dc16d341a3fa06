package be.carnet.client.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.MutableClock;
import be.carnet.client.TestParts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpAgencyTest {

    private final MutableClock clock = new MutableClock(TestParts.START);
    private final TestParts.RecordedWaits waits = new TestParts.RecordedWaits();
    private final FakeAgency agency = new FakeAgency(clock);
    private final Agency http = TestParts.httpAgencies(waits, clock).connect(agency.address());

    @AfterEach
    void stop() {
        agency.close();
    }

    @Test
    void retriesADroppedConnectionWithJitteredBackoffWithinTheCeiling() {
        agency.failNext(FakeAgency.Failure.DROP, FakeAgency.Failure.DROP);

        AgencyException e = assertThrows(AgencyException.class,
                () -> http.sendReport("6f1c1c54-8a54-4d2e-9b1e-1d2f5a7c9e01", new byte[] {1, 2, 3}));

        assertEquals(AgencyException.Kind.REJECTED, e.kind());
        assertEquals(3, agency.requestCount());
        List<Duration> slept = waits.waits();
        assertEquals(2, slept.size());
        assertTrue(slept.get(0).compareTo(Duration.ofMillis(500)) <= 0, slept.toString());
        assertTrue(slept.get(1).compareTo(Duration.ofMillis(1000)) <= 0, slept.toString());
    }

    @Test
    void honoursRetryAfterOnA503() throws Exception {
        agency.publish(1, TestParts.START.plus(Duration.ofDays(1)), java.util.Map.of());
        agency.failNext(FakeAgency.Failure.BUSY);

        http.fetchBundle(agency.missionId);

        assertEquals(List.of(Duration.ofSeconds(1)), waits.waits());
    }

    @Test
    void givesUpAfterFourAttempts() {
        agency.setDown(true);

        AgencyException e = assertThrows(AgencyException.class,
                () -> http.sendReport("6f1c1c54-8a54-4d2e-9b1e-1d2f5a7c9e01", new byte[] {1, 2, 3}));

        assertEquals(AgencyException.Kind.UNREACHABLE, e.kind());
        assertEquals(4, agency.requestCount());
        assertEquals(3, waits.waits().size());
    }

    @Test
    void staysBusyAfterFourBusyAnswers() {
        agency.failNext(FakeAgency.Failure.BUSY, FakeAgency.Failure.BUSY, FakeAgency.Failure.BUSY,
                FakeAgency.Failure.BUSY);

        AgencyException e = assertThrows(AgencyException.class, () -> http.fetchBundle(agency.missionId));

        assertEquals(AgencyException.Kind.BUSY, e.kind());
        assertEquals(503, e.status());
    }

    @Test
    void aConflictIsFinalAndNotRetried() {
        agency.holdOtherBytesFor("6f1c1c54-8a54-4d2e-9b1e-1d2f5a7c9e01");

        AgencyException e = assertThrows(AgencyException.class,
                () -> http.sendReport("6f1c1c54-8a54-4d2e-9b1e-1d2f5a7c9e01", new byte[] {1, 2, 3}));

        assertEquals(AgencyException.Kind.CONFLICT, e.kind());
        assertEquals(1, agency.requestCount());
        assertEquals(List.of(), waits.waits());
    }

    @Test
    void aMissingBundleIsNotFoundAndNotRetried() {
        AgencyException e = assertThrows(AgencyException.class, () -> http.fetchBundle(agency.missionId));

        assertEquals(AgencyException.Kind.NOT_FOUND, e.kind());
        assertEquals("bundle: the agency answered HTTP 404", e.getMessage());
        assertEquals(1, agency.requestCount());
    }

    @Test
    void theBackoffCeilingDoublesAndStopsAtEightSeconds() {
        java.util.random.RandomGenerator max = new java.util.random.RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };

        assertEquals(Duration.ofMillis(500), RetryPolicy.DEFAULT.backoff(1, max));
        assertEquals(Duration.ofMillis(1000), RetryPolicy.DEFAULT.backoff(2, max));
        assertEquals(Duration.ofMillis(8000), RetryPolicy.DEFAULT.backoff(10, max));
    }
}
