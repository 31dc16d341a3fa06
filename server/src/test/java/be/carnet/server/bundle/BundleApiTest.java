package be.carnet.server.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.server.AgencyServer;
import be.carnet.server.TestBundles;
import be.carnet.server.TestHttp;
import be.carnet.server.mission.Mission;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    static Path data;
    static AgencyServer server;

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", PASSWORD.toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aMissionWithoutBundleAnswersNotFound() {
        Mission mission = server.missions().create("No bundle yet", "");

        HttpResponse<byte[]> response = new TestHttp(server.baseUrl()).getBytes("/api/v1/missions/" + mission.id()
                + "/bundle");

        assertEquals(404, response.statusCode());
        assertEquals("{\"error\":\"not-found\",\"message\":\"no bundle is published for this mission "
                + "(or there is no such mission)\"}", new String(response.body(), UTF_8));
    }

    @Test
    void devicesDownloadTheLatestBundleWithItsVersion() {
        Mission mission = server.missions().create("With bundle", "");
        server.bundles().publish(mission.id(), TestBundles.bundle(mission, 1, server.keys().signing()), "admin");
        byte[] latest = TestBundles.bundle(mission, 2, server.keys().signing());
        server.bundles().publish(mission.id(), latest, "admin");

        HttpResponse<byte[]> response = new TestHttp(server.baseUrl()).getBytes("/api/v1/missions/" + mission.id()
                + "/bundle");

        assertEquals(200, response.statusCode());
        assertEquals("2", response.headers().firstValue("Carnet-Bundle-Version").orElseThrow());
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(latest, response.body());
    }

    @Test
    void anAdminPublishesABundleThroughTheForm() {
        Mission mission = server.missions().create("Form publish", "");
        TestHttp http = new TestHttp(server.baseUrl());
        http.login("admin", PASSWORD);
        http.get("/missions/" + mission.id());

        HttpResponse<String> response = http.postFile("/missions/" + mission.id() + "/bundles", "bundle",
                "briefing.carnet", TestBundles.bundle(mission, 1, server.keys().signing()));

        assertEquals(303, response.statusCode());
        assertEquals(1, server.bundles().latest(mission.id()).orElseThrow().version());
        HttpResponse<String> page = http.get("/missions/" + mission.id());
        assertTrue(page.body().contains("id=\"bundle-publish\""));
        assertTrue(page.body().contains("enctype=\"multipart/form-data\""));
    }

    @Test
    void theFormShowsAnOlderVersionAsAnErrorInTheStaffLanguage() {
        Mission mission = server.missions().create("Form refusal", "");
        server.bundles().publish(mission.id(), TestBundles.bundle(mission, 2, server.keys().signing()), "admin");
        TestHttp http = new TestHttp(server.baseUrl());
        http.login("admin", PASSWORD);
        http.get("/missions/" + mission.id());
        http.postForm("/language", "lang", "en", "back", "/missions/" + mission.id());
        http.get("/missions/" + mission.id());

        HttpResponse<String> response = http.postFile("/missions/" + mission.id() + "/bundles", "bundle",
                "briefing.carnet", TestBundles.bundle(mission, 1, server.keys().signing()));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<p class=\"error\" role=\"alert\">The field “Bundle file”: version 1 must "
                + "be greater than the published version 2</p>"), response.body());
        assertEquals(2, server.bundles().latest(mission.id()).orElseThrow().version());
    }

    @Test
    void aBundleSignedByAnotherKeyIsRefusedWithTheRuleInDutchAndNoEnglish() {
        Mission mission = server.missions().create("Foreign signer", "");
        TestHttp http = inLanguage(mission, "nl");

        HttpResponse<String> response = http.postFile("/missions/" + mission.id() + "/bundles", "bundle",
                "briefing.carnet", TestBundles.bundle(mission, 1, Ed25519KeyPair.generate()));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<p class=\"error\" role=\"alert\">Het veld ‘Pakketbestand’: moet "
                + "ondertekend zijn met de sleutel van dit agentschap</p>"), response.body());
        assertFalse(response.body().contains("signature"), response.body());
        assertFalse(response.body().contains("the bundle"), response.body());
        assertEquals(java.util.Optional.empty(), server.bundles().latest(mission.id()));
    }

    @Test
    void aTruncatedBundleIsRefusedWithTheRuleInFrenchAndNoEnglish() {
        Mission mission = server.missions().create("Truncated upload", "");
        TestHttp http = inLanguage(mission, "fr");
        byte[] bundle = TestBundles.bundle(mission, 1, server.keys().signing());

        HttpResponse<String> response = http.postFile("/missions/" + mission.id() + "/bundles", "bundle",
                "briefing.carnet", java.util.Arrays.copyOf(bundle, bundle.length - 1));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("n’est pas un paquet Carnet valable</p>"), response.body());
        assertFalse(response.body().contains("payload"), response.body());
        assertFalse(response.body().contains("truncated"), response.body());
    }

    private static TestHttp inLanguage(Mission mission, String language) {
        TestHttp http = new TestHttp(server.baseUrl());
        http.login("admin", PASSWORD);
        http.get("/missions/" + mission.id());
        http.postForm("/language", "lang", language, "back", "/missions/" + mission.id());
        http.get("/missions/" + mission.id());
        return http;
    }

    @Test
    void aFormPublishWithoutCsrfTokenIsRefused() {
        Mission mission = server.missions().create("Form forged", "");
        TestHttp http = new TestHttp(server.baseUrl());
        http.login("admin", PASSWORD);

        HttpResponse<String> response = http.postFile("/missions/" + mission.id() + "/bundles", "bundle",
                "briefing.carnet", TestBundles.bundle(mission, 1, server.keys().signing()));

        assertEquals(403, response.statusCode());
        assertEquals(java.util.Optional.empty(), server.bundles().latest(mission.id()));
    }
}
