package be.carnet.server.limits;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.AgencyServer;
import be.carnet.server.TestDevice;
import be.carnet.server.TestHttp;
import be.carnet.server.intake.IntakeService;
import be.carnet.server.mission.Mission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies from clients who do not play fair: declared and never sent, trickled, larger than the
 * route allows, sent to a staff route without a login, or malformed. Raw sockets against the real server;
 * every wait is a safety net, never an assertion on speed.
 */
class HostileBodiesTest {

    private static final String BOUNDARY = "carnet-hostile";

    @TempDir
    static Path patientData;
    @TempDir
    static Path strictData;
    /** Where the servers' multipart parser would write the parts it spills (java.io.tmpdir when they start). */
    @TempDir
    static Path spillDir;

    /** Bodies may take ten minutes before the minimum rate applies: slow clients stay connected throughout. */
    static Agency patient;
    /** Bodies must start within a second and keep 1 KiB/s. */
    static Agency strict;

    record Agency(AgencyServer server, Mission mission, TestDevice device) {
        int port() {
            return server.port();
        }

        String reportPath() {
            return "/api/v1/reports/" + UUID.randomUUID();
        }

        /** A real report, sent as the traveller's app sends it. */
        HttpResponse<byte[]> sendRealReport() {
            String reportId = UUID.randomUUID().toString();
            AgencyKeys keys = server.keys();
            byte[] sealed = device.seal(device.report(reportId, mission.id(), keys.signing().publicKey().keyId(),
                    "Le portable a changé de place."), keys.report().recipient());
            return new TestHttp(server.baseUrl()).postBytes("/api/v1/reports/" + reportId, sealed,
                    "application/octet-stream");
        }
    }

    @BeforeAll
    static void start() throws IOException {
        String tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", spillDir.toString());
        try {
            BodyLimits defaults = AgencyServer.defaultBodyLimits();
            patient = agency(patientData, defaults.withPace(Duration.ofMinutes(10), defaults.minBytesPerSecond()));
            strict = agency(strictData, defaults.withPace(Duration.ofSeconds(1), 1024));
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }
    }

    private static Agency agency(Path data, BodyLimits limits) throws IOException {
        AgencyServer.init(data, "admin", "correct horse battery staple".toCharArray());
        AgencyServer server = AgencyServer.start(data, "127.0.0.1", 0, limits);
        Mission mission = server.missions().create("Mission Chine", "Beijing");
        TestDevice device = new TestDevice();
        String code = server.enrolments().issueCode(mission.id(), "Delegate 1");
        assertEquals(200, new TestHttp(server.baseUrl())
                .postBytes("/api/v1/enrol/confirm", device.enrolConfirmation(code), "application/json").statusCode());
        return new Agency(server, mission, device);
    }

    @AfterAll
    static void stop() {
        patient.server().stop();
        strict.server().stop();
    }

    @Test
    void twoIdleUploadsDeclaringHalfTheRoomEachDoNotStopARealReport() {
        long half = IntakeService.DEFAULT_BYTES_IN_FLIGHT / 2;
        try (RawUpload first = report(patient, "127.0.0.2", half);
             RawUpload second = report(patient, "127.0.0.2", half)) {

            HttpResponse<byte[]> real = patient.sendRealReport();

            assertEquals(200, real.statusCode(), new String(real.body(), UTF_8));
            assertFalse(first.answered());
            assertFalse(second.answered());
        }
    }

    @Test
    void oneClientCannotHoldMoreThanItsShareOfTheRoom() {
        // Two uploads from one address each send all but the last byte of 16 MiB: 32 MiB, the whole room.
        long half = IntakeService.DEFAULT_BYTES_IN_FLIGHT / 2;
        try (RawUpload first = report(patient, "127.0.0.3", half);
             RawUpload second = report(patient, "127.0.0.3", half)) {
            sendAllButOne(first, half);
            sendAllButOne(second, half);

            HttpResponse<byte[]> real = patient.sendRealReport();

            assertEquals(200, real.statusCode(), new String(real.body(), UTF_8));
            assertEquals(503, second.status());
            assertFalse(first.answered());
        }
    }

    @Test
    void manyTricklingBodiesHoldNeitherTheServersThreadsNorTheRoom() throws InterruptedException {
        // More slow bodies than the server has threads (250), half reports and half chunked login forms.
        List<RawUpload> slow = new ArrayList<>();
        Thread trickler = new Thread(() -> trickle(slow), "trickler");
        try {
            for (int i = 0; i < 130; i++) {
                slow.add(report(patient, "127.0.0.1", 100_000));
                slow.add(new RawUpload("127.0.0.1", patient.port(), "POST", "/login",
                        "Content-Type: application/x-www-form-urlencoded", "Transfer-Encoding: chunked"));
            }
            trickler.start();

            HttpResponse<byte[]> real = patient.sendRealReport();
            HttpResponse<String> loginPage = new TestHttp(patient.server().baseUrl()).get("/login");

            assertEquals(200, real.statusCode(), new String(real.body(), UTF_8));
            assertEquals(200, loginPage.statusCode());
            assertTrue(slow.stream().noneMatch(RawUpload::answered), "a slow body was answered before its time");
        } finally {
            trickler.interrupt();
            trickler.join();
            slow.forEach(RawUpload::close);
        }
    }

    @Test
    void anIdleBodyIsAnswered408OnceItsGracePeriodIsOver() {
        try (RawUpload idle = report(strict, "127.0.0.1", 10_000)) {

            String answer = idle.answer();

            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.contains("{\"error\":\"too-slow\",\"message\":\"the request body arrived too slowly; "
                    + "send it again\"}"), answer);
        }
    }

    @Test
    void aBodyTrickledBelowTheMinimumRateIsAnswered408() throws InterruptedException {
        try (RawUpload slow = report(strict, "127.0.0.1", 10_000)) {
            // One byte every 200 ms is 5 bytes/s against a minimum of 1 KiB/s; stops at the first answer.
            for (int i = 0; i < 450 && !slow.answered(); i++) {
                slow.send(new byte[] {'x'});
                Thread.sleep(200);
            }

            assertEquals(408, slow.status());
        }
    }

    @Test
    void aChunkedMultipartLoginPastTheFormLimitIs413AndNothingReachesTheDisk() {
        try (RawUpload login = new RawUpload("127.0.0.1", patient.port(), "POST", "/login",
                "Content-Type: multipart/form-data; boundary=" + BOUNDARY, "Transfer-Encoding: chunked")) {
            login.sendChunk(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"username\"; "
                    + "filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(US_ASCII));
            List<String> spilledWhileSending = List.of();
            byte[] piece = new byte[16 * 1024];
            Arrays.fill(piece, (byte) 'a');
            // 8 MiB, far past what the socket buffers hold: a server that reads it all has spilled it by then.
            for (int sent = 0; sent < 8 * 1024 * 1024 && !login.answered(); sent += piece.length) {
                if (!login.sendChunk(piece)) {
                    break;
                }
            }
            if (!login.answered()) {
                spilledWhileSending = spilled();
                login.sendChunk(("\r\n--" + BOUNDARY + "--\r\n").getBytes(US_ASCII));
                login.send("0\r\n\r\n".getBytes(US_ASCII));
            }

            int status = login.status();

            assertEquals(List.of(), spilledWhileSending);
            assertEquals(413, status);
            assertEquals(List.of(), spilled());
        }
    }

    @Test
    void aMultipartPostToAStaffRouteWithoutASessionIsRefusedBeforeItsBodyIsRead() {
        int declared = 20 * 1024 * 1024;
        try (RawUpload upload = new RawUpload("127.0.0.1", patient.port(), "POST",
                "/missions/" + patient.mission().id() + "/bundles",
                "Content-Type: multipart/form-data; boundary=" + BOUNDARY, "Content-Length: " + declared)) {
            upload.send(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"bundle\"; "
                    + "filename=\"bundle.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(US_ASCII));
            upload.send(new byte[64 * 1024]);

            int status = upload.status();

            assertEquals(403, status);
            assertEquals(List.of(), spilled());
        }
    }

    @Test
    void aFormPostToAStaffRouteWithoutASessionIsRefusedBeforeItsBodyIsRead() {
        try (RawUpload form = new RawUpload("127.0.0.1", patient.port(), "POST",
                "/missions/" + patient.mission().id() + "/codes",
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: 60000")) {
            form.send("alias=".getBytes(US_ASCII));

            int status = form.status();

            assertEquals(403, status);
        }
    }

    @Test
    void aMultipartLoginIsRefused415UnreadWithOneShortLogLine() {
        byte[] malformed = "--not-the-boundary\r\n\r\nno parts at all\r\n".getBytes(US_ASCII);

        Logged logged = logged(() -> post(patient, "/login", null, malformed));

        assertTrue(logged.answer().startsWith("HTTP/1.1 415 "), logged.answer());
        assertTrue(logged.answer().contains("The form could not be read."), logged.answer());
        assertFalse(logged.log().contains("\tat "), logged.log());
        assertTrue(logged.log().lines().count() <= 1, logged.log());
    }

    @Test
    void aMalformedMultipartUploadIs400WithOneShortLogLineAndNoStackTrace() {
        TestHttp admin = new TestHttp(patient.server().baseUrl());
        assertEquals(303, admin.login("admin", "correct horse battery staple").statusCode());
        byte[] malformed = "--not-the-boundary\r\n\r\nno parts at all\r\n".getBytes(US_ASCII);

        Logged logged = logged(() -> post(patient, "/missions/" + patient.mission().id() + "/bundles",
                admin.cookie(), malformed));

        assertTrue(logged.answer().startsWith("HTTP/1.1 400 "), logged.answer());
        // The administrator's session speaks French, the default.
        assertTrue(logged.answer().contains("Le formulaire n’a pas pu être lu."), logged.answer());
        assertFalse(logged.log().contains("\tat "), logged.log());
        assertTrue(logged.log().lines().count() <= 1, logged.log());
    }

    /** An answer and what the server logged while giving it. */
    record Logged(String answer, String log) {
    }

    private static Logged logged(java.util.function.Supplier<String> request) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, UTF_8));
        try {
            String answer = request.get();
            return new Logged(answer, log.toString(UTF_8));
        } finally {
            System.setErr(stderr);
        }
    }

    private static String post(Agency agency, String path, String cookie, byte[] multipart) {
        List<String> headers = new ArrayList<>(List.of("Content-Type: multipart/form-data; boundary=" + BOUNDARY,
                "Content-Length: " + multipart.length, "Accept-Language: en"));
        if (cookie != null) {
            headers.add("Cookie: carnet_staff=" + cookie);
        }
        try (RawUpload upload = new RawUpload("127.0.0.1", agency.port(), "POST", path,
                headers.toArray(String[]::new))) {
            upload.send(multipart);
            return upload.answer();
        }
    }

    private static RawUpload report(Agency agency, String from, long declaredLength) {
        return new RawUpload(from, agency.port(), "POST", agency.reportPath(),
                "Content-Type: application/octet-stream", "Content-Length: " + declaredLength);
    }

    private static void sendAllButOne(RawUpload upload, long length) {
        byte[] piece = new byte[64 * 1024];
        for (long left = length - 1; left > 0; left -= piece.length) {
            if (!upload.send(left >= piece.length ? piece : Arrays.copyOf(piece, (int) left))) {
                return;
            }
        }
    }

    /** One byte (or one one-byte chunk) on every slow upload, every second, until interrupted. */
    private static void trickle(List<RawUpload> slow) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (int i = 0; i < slow.size(); i++) {
                    if (i % 2 == 0) {
                        slow.get(i).send(new byte[] {'x'});
                    } else {
                        slow.get(i).sendChunk(new byte[] {'x'});
                    }
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> spilled() {
        try (Stream<Path> files = Files.list(spillDir)) {
            // The SQLite driver unpacks its native library there once per process; that is not a body.
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith("sqlite-"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
