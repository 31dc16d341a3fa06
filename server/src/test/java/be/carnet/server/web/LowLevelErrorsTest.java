package be.carnet.server.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.server.AgencyServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests Jetty refuses before any route runs still get the security headers the operator guide
 * promises, and a short body that names no software or version.
 */
class LowLevelErrorsTest {

    @TempDir
    static Path data;
    static AgencyServer server;

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", "correct horse battery staple".toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Stream<Arguments> refusedRequests() {
        String host = "Host: 127.0.0.1\r\n";
        return Stream.of(
                Arguments.of("bad Host port", 400, "GET /login HTTP/1.1\r\nHost: 127.0.0.1:80x\r\n"),
                Arguments.of("URI too long", 414, "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host),
                Arguments.of("headers too large", 431, "GET /login HTTP/1.1\r\n" + host
                        + "X-Padding: " + "b".repeat(20_000) + "\r\n"),
                Arguments.of("bad percent-encoding", 400, "GET /missions/%zz HTTP/1.1\r\n" + host),
                Arguments.of("bad percent-encoding in the API", 400, "GET /api/v1/%G0 HTTP/1.1\r\n" + host),
                Arguments.of("no Host header", 400, "GET /login HTTP/1.1\r\n"),
                Arguments.of("encoded NUL", 400, "GET /missions/%00 HTTP/1.1\r\n" + host),
                Arguments.of("two Host headers", 400, "GET /login HTTP/1.1\r\n" + host + host));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void aRequestRefusedBeforeRoutingCarriesTheSecurityHeaders(String what, int status, String head) throws IOException {
        Raw answer = send(head + "Connection: close\r\n\r\n");

        assertEquals(status, answer.status, what + ": " + answer.head);
        assertEquals(RequestGuards.CSP, answer.headers.get("content-security-policy"), answer.head);
        assertEquals("nosniff", answer.headers.get("x-content-type-options"), answer.head);
        assertEquals("no-referrer", answer.headers.get("referrer-policy"), answer.head);
        assertEquals("no-store", answer.headers.get("cache-control"), answer.head);
        assertEquals("DENY", answer.headers.get("x-frame-options"), answer.head);
        assertFalse(answer.headers.containsKey("server"), answer.head);
        assertEquals("text/plain; charset=utf-8", answer.headers.get("content-type"), answer.head);
        assertTrue(answer.body.matches(status + " [A-Za-z ]+\n"), "one line naming the status, nothing else: " + answer.body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void aHeadRequestRefusedBeforeRoutingCarriesTheSecurityHeadersToo(String what, int status, String head)
            throws IOException {
        Raw answer = send(head.replaceFirst("^GET ", "HEAD ") + "Connection: close\r\n\r\n");

        assertEquals(status, answer.status, what + ": " + answer.head);
        assertEquals(RequestGuards.CSP, answer.headers.get("content-security-policy"), answer.head);
        assertEquals("DENY", answer.headers.get("x-frame-options"), answer.head);
    }

    private static Raw send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            // A safety net so a server bug fails the test instead of hanging the build.
            socket.setSoTimeout((int) Duration.ofMinutes(1).toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), head, headers, end < 0 ? "" : text.substring(end + 4));
        }
    }

    private record Raw(int status, String head, Map<String, String> headers, String body) {
    }
}
