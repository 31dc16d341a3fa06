package be.carnet.server.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.server.MutableClock;
import be.carnet.server.TestBundles;
import be.carnet.server.limits.Slots;
import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.storage.Database;
import be.carnet.server.web.Paths;
import be.carnet.protocol.keys.AgencyKeys;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleDownloadSlotsTest {

    @TempDir
    Path data;
    Database database;
    Javalin server;
    Slots slots = new Slots("bundle downloads", 1);
    byte[] bundle;
    Mission mission;

    @BeforeEach
    void start() {
        database = Database.open(data);
        AgencyKeys keys = AgencyKeys.generate();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
        MissionService missions = new MissionService(database, clock);
        BundleService bundles = new BundleService(database, missions, keys, clock);
        mission = missions.create("admin", "Mission", "Beijing");
        bundle = TestBundles.bundle(mission, 1, keys.signing());
        bundles.publish(mission.id(), bundle, "admin");
        BundleController controller = new BundleController(bundles, slots);
        server = Javalin.create(config -> config.routes.get(Paths.API_BUNDLE, controller::latest)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        database.close();
    }

    @Test
    void whenEveryDownloadPlaceIsTakenADeviceIsToldToRetryAtOnce() throws Exception {
        Optional<Slots.Place> busy = slots.tryTake();

        HttpResponse<String> refused = get(String.class);
        busy.orElseThrow().close();
        HttpResponse<byte[]> served = get(byte[].class);

        assertEquals(503, refused.statusCode());
        assertEquals("5", refused.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"error\":\"busy\",\"message\":\"too many bundle downloads at once; retry in a few seconds\"}",
                refused.body());
        assertEquals(200, served.statusCode());
        assertArrayEquals(bundle, served.body());
        assertEquals(1, freeOnceTheServerHasFinished(), "the place is given back after the transfer");
    }

    /**
     * The device can read the last byte before the server's handler returns and gives its place back; wait (at most
     * ten seconds) for the handler to finish rather than race it.
     */
    private int freeOnceTheServerHasFinished() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (slots.free() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return slots.free();
    }

    @SuppressWarnings("unchecked")
    private <T> HttpResponse<T> get(Class<T> type) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + Paths.API_BUNDLE.replace("{" + Paths.MISSION_ID + "}", mission.id()))).GET().build();
        HttpResponse.BodyHandler<?> handler = type == byte[].class ? HttpResponse.BodyHandlers.ofByteArray()
                : HttpResponse.BodyHandlers.ofString(UTF_8);
        return (HttpResponse<T>) HttpClient.newHttpClient().send(request, handler);
    }
}
