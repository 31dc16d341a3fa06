package be.carnet.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.server.AgencyServer;
import be.carnet.server.TestHttp;
import be.carnet.server.mission.Mission;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD runs the same access guard as GET on every page: same status, same redirect, no body. */
class HeadRequestsTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    static Path data;
    static AgencyServer server;
    static Mission mission;
    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", PASSWORD.toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0);
        mission = server.missions().create("Mission", "Gent");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Every GET page route, with real ids where the route takes them. */
    private static List<String> pages() {
        String report = "/missions/" + mission.id() + "/reports/" + UUID.randomUUID();
        return List.of("/", "/login", "/static/app.css", "/missions", "/missions/" + mission.id(), report,
                report + "/attachments/1", "/missions/no-such-mission", "/no-such-page");
    }

    @Test
    void theDeviceApiAnswersHeadAsItAnswersGet() throws Exception {
        for (String path : List.of("/api/v1/health", "/api/v1/agency", "/api/v1/missions/" + mission.id() + "/bundle",
                "/api/v1/missions/no-such-mission/bundle")) {
            HttpResponse<String> get = send("GET", path, null);
            HttpResponse<String> head = send("HEAD", path, null);

            assertEquals(get.statusCode(), head.statusCode(), "HEAD " + path);
            assertEquals("", head.body(), "HEAD " + path);
        }
    }

    @Test
    void withoutASessionHeadIsRedirectedOrRefusedExactlyAsGet() throws Exception {
        for (String page : pages()) {
            HttpResponse<String> get = send("GET", page, null);
            HttpResponse<String> head = send("HEAD", page, null);

            assertEquals(get.statusCode(), head.statusCode(), "HEAD " + page);
            assertEquals(get.headers().firstValue("Location"), head.headers().firstValue("Location"), "HEAD " + page);
            assertEquals(Optional.of(RequestGuards.CSP), head.headers().firstValue("Content-Security-Policy"),
                    "HEAD " + page);
            assertEquals("", head.body(), "HEAD " + page);
        }
        assertEquals(303, send("HEAD", "/missions/" + mission.id(), null).statusCode());
    }

    @Test
    void withASessionHeadAnswersAsGet() throws Exception {
        TestHttp admin = new TestHttp(server.baseUrl());
        assertEquals(303, admin.login("admin", PASSWORD).statusCode());
        for (String page : pages()) {
            HttpResponse<String> get = send("GET", page, admin.cookie());
            HttpResponse<String> head = send("HEAD", page, admin.cookie());

            assertEquals(get.statusCode(), head.statusCode(), "HEAD " + page);
            assertEquals("", head.body(), "HEAD " + page);
        }
    }

    private static HttpResponse<String> send(String method, String path, String cookie) throws Exception {
        // The timeout is a safety net so a server bug fails the test instead of hanging the build.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofMinutes(2)).method(method, HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", "carnet_staff=" + cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
