package be.carnet.client.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync runs inside its POST for as long as the agency takes; the idle lock must not cut it (issue 8,
 * item 2b). The fake agency holds the report request until the test lets it go, so the order is fixed
 * by latches, not by time.
 */
class SyncInFlightTest {

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir).setUp();
        web.enrol();
        web.browser.post("/incidents", WebFixture.incident("Valise ouverte dans la chambre"));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theIdleLockWaitsForASyncInFlight() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        web.agency.holdNextReport(arrived, release);
        String csrf = web.browser.csrf();
        CompletableFuture<Browser.Response> sync = CompletableFuture.supplyAsync(
                () -> web.browser.post("/sync", Map.of("csrf", csrf)));
        assertTrue(arrived.await(30, TimeUnit.SECONDS), "the sync reached the agency");

        web.clock.advance(Duration.ofMinutes(30));
        Browser.Response meanwhile = web.browser.get("/");
        release.countDown();
        Browser.Response synced = sync.get(30, TimeUnit.SECONDS);
        Browser.Response after = web.browser.get("/sync");

        assertEquals(200, meanwhile.status(), "another page during the sync does not lock: " + meanwhile.location());
        assertEquals(200, synced.status(), synced.location());
        assertTrue(synced.body().contains("Reçus par l’agence lors de cette synchronisation : 1. Encore en attente : 0."),
                synced.body());
        assertEquals(200, after.status(), "the idle period starts again when the sync ends");
    }

    @Test
    void everyWayARequestEndsLetsTheIdleLockFireAgain() {
        web.browser.get("/drafts/00000000-0000-0000-0000-000000000000");
        web.browser.get("/incidents/nope");
        web.browser.post("/setup", Map.of("passphrase", "x", "confirm", "x"));
        web.browser.post("/drafts/00000000-0000-0000-0000-000000000000/delete", Map.of());
        web.browser.get("/unlock");
        web.browser.get("/");

        web.clock.advance(Duration.ofMinutes(11));
        Browser.Response late = web.browser.get("/");

        assertEquals(303, late.status());
        assertEquals("/unlock", late.location());
    }
}
