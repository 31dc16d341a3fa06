package be.carnet.packaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    private static final Path CONTENT = Path.of("..", "content");

    @TempDir
    Path dir;

    @Test
    void refusesToEraseADirectoryThatIsNotADemo() throws IOException {
        Path precious = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(precious.resolve("notes.txt"), "keep me", UTF_8);

        IOException e = assertThrows(IOException.class, () -> Demo.start(CONTENT, precious, 0, 0));

        assertEquals(precious.toAbsolutePath() + " exists and is not a Carnet demo directory; refusing to erase it",
                e.getMessage());
        assertEquals("keep me", Files.readString(precious.resolve("notes.txt"), UTF_8));
    }

    @Test
    void startsBothAppsWithAPublishedBundleAndPrintsWhatThePersonNeeds() throws Exception {
        try (Demo demo = Demo.start(CONTENT, dir.resolve("demo"), 0, 0)) {
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<byte[]> bundle = http.send(HttpRequest.newBuilder(URI.create(
                    demo.agency().baseUrl() + "/api/v1/missions/" + demo.missionId() + "/bundle")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<String> launch = http.send(HttpRequest.newBuilder(URI.create(demo.traveller().launchUrl()))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, bundle.statusCode());
            assertEquals("1", bundle.headers().firstValue("Carnet-Bundle-Version").orElse(""));
            assertEquals(3, launch.statusCode() / 100, "the launch link redirects into the app");
            String summary = demo.summary();
            assertTrue(summary.contains(demo.enrolmentCode()), summary);
            assertTrue(summary.contains("password " + demo.adminPassword()), summary);
            assertTrue(summary.contains("http://127.0.0.1:" + demo.traveller().port() + "/launch?token="), summary);
        }
    }

    @Test
    void aSecondDemoRunStartsAfresh() throws Exception {
        Path data = dir.resolve("demo");
        String firstCode;
        try (Demo first = Demo.start(CONTENT, data, 0, 0)) {
            firstCode = first.enrolmentCode();
        }

        try (Demo second = Demo.start(CONTENT, data, 0, 0)) {
            assertTrue(!second.enrolmentCode().equals(firstCode));
            assertTrue(Files.exists(data.resolve(".carnet-demo")));
        }
    }
}
