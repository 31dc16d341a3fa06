package be.carnet.server.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Receipt;
import be.carnet.protocol.report.SealedReport;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import be.carnet.server.AgencyServer;
import be.carnet.server.TestDatabase;
import be.carnet.server.TestDevice;
import be.carnet.server.TestHttp;
import be.carnet.server.mission.Mission;
import be.carnet.server.WebServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntakeApiTest {

    @TempDir
    static Path data;
    static AgencyServer server;
    static AgencyKeys keys;
    static Mission mission;
    static Mission otherMission;
    static TestDevice device;

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", "correct horse battery staple".toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0);
        keys = server.keys();
        mission = server.missions().create("Mission Chine", "Beijing");
        otherMission = server.missions().create("Autre mission", "Lagos");
        device = new TestDevice();
        String code = server.enrolments().issueCode(mission.id(), "Delegate 1");
        assertEquals(200, http().postBytes("/api/v1/enrol/confirm", device.enrolConfirmation(code), "application/json").statusCode());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static TestHttp http() {
        return new TestHttp(server.baseUrl());
    }

    private static String agencyKeyId() {
        return keys.signing().publicKey().keyId();
    }

    private static byte[] sealed(String reportId, String description) {
        return device.seal(device.report(reportId, mission.id(), agencyKeyId(), description), keys.report().recipient());
    }

    private static Receipt.Expected expected(String reportId, byte[] sealed) {
        return new Receipt.Expected(reportId, mission.id(), device.keyId(), Hashes.sha256Hex(sealed));
    }

    private static HttpResponse<byte[]> send(String reportId, byte[] sealed) {
        return http().postBytes("/api/v1/reports/" + reportId, sealed, "application/octet-stream");
    }

    @Test
    void anEnrolledDeviceGetsASignedReceiptForItsReport() {
        String reportId = UUID.randomUUID().toString();
        byte[] sealed = sealed(reportId, "Le portable a changé de place dans la chambre.");

        HttpResponse<byte[]> response = send(reportId, sealed);

        assertEquals(200, response.statusCode());
        Receipt receipt = Receipt.verify(response.body(), keys.signing().publicKey(),
                expected(reportId, sealed));
        assertEquals(mission.id(), receipt.missionId());
        assertEquals(device.keyId(), receipt.deviceKeyId());
        assertEquals(agencyKeyId(), receipt.agencyKeyId());
        assertEquals(receipt.logPosition(), TestDatabase.single(data,
                "SELECT log_position FROM reports WHERE report_id = ?", reportId));
        assertEquals("Le portable a changé de place dans la chambre.", TestDatabase.text(data,
                "SELECT description FROM reports WHERE report_id = ?", reportId));
    }

    @Test
    void theSameReportSentTwiceGetsTheSameReceiptAndIsStoredOnce() {
        String reportId = UUID.randomUUID().toString();
        byte[] sealed = sealed(reportId, "Clé USB offerte au salon.");
        byte[] first = send(reportId, sealed).body();

        HttpResponse<byte[]> second = send(reportId, sealed);

        assertEquals(200, second.statusCode());
        assertArrayEquals(first, second.body());
        assertEquals(1, TestDatabase.single(data, "SELECT COUNT(*) FROM reports WHERE report_id = ?", reportId));
    }

    @Test
    void theSameReportIdWithOtherBytesIsAConflictAndChangesNothing() {
        String reportId = UUID.randomUUID().toString();
        byte[] original = sealed(reportId, "Original text");
        byte[] receipt = send(reportId, original).body();
        byte[] other = sealed(reportId, "Rewritten text");

        HttpResponse<byte[]> response = send(reportId, other);

        assertEquals(409, response.statusCode());
        assertEquals("{\"error\":\"conflict\",\"message\":\"report " + reportId
                + " was already received with other bytes; nothing was overwritten\"}", new String(response.body(), UTF_8));
        assertEquals(Hashes.sha256Hex(original), TestDatabase.text(data,
                "SELECT sealed_sha256 FROM reports WHERE report_id = ?", reportId));
        assertEquals("Original text", TestDatabase.text(data,
                "SELECT description FROM reports WHERE report_id = ?", reportId));
        assertArrayEquals(receipt, send(reportId, original).body());
    }

    @Test
    void receiptsNumberReportsInTheOrderTheyArrive() {
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        byte[] firstSealed = sealed(firstId, "one");
        byte[] secondSealed = sealed(secondId, "two");

        Receipt first = Receipt.verify(send(firstId, firstSealed).body(), keys.signing().publicKey(),
                expected(firstId, firstSealed));
        Receipt second = Receipt.verify(send(secondId, secondSealed).body(), keys.signing().publicKey(),
                expected(secondId, secondSealed));

        assertEquals(first.logPosition() + 1, second.logPosition());
    }

    /** A hostile case: what to send for a fresh report id, and the answer expected. */
    record Hostile(String name, Function<String, byte[]> body, Function<String, String> path, int status,
                   Function<String, String> expectedBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String error(String code, String message) {
        return "{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}";
    }

    static Stream<Arguments> hostileReports() {
        Function<String, String> samePath = id -> "/api/v1/reports/" + id;
        return Stream.of(
                new Hostile("empty", id -> new byte[0], samePath, 400,
                        id -> error("invalid-report", "the report is empty")),
                new Hostile("not an age file", id -> "hello\nworld\n".getBytes(UTF_8), samePath, 400,
                        id -> error("invalid-report", "the report cannot be decrypted: not an age file "
                                + "(the first line must be age-encryption.org/v1)")),
                new Hostile("truncated", id -> {
                    byte[] sealed = sealed(id, "truncated");
                    return Arrays.copyOf(sealed, sealed.length - 20);
                }, samePath, 400, id -> error("invalid-report",
                        "the report cannot be decrypted: the age payload is truncated or was altered (chunk 0)")),
                new Hostile("bit-flipped payload", id -> {
                    byte[] sealed = sealed(id, "flipped");
                    sealed[sealed.length - 30] ^= 0x01;
                    return sealed;
                }, samePath, 400, id -> error("invalid-report",
                        "the report cannot be decrypted: the age payload is truncated or was altered (chunk 0)")),
                new Hostile("character changed in the header", id -> {
                    byte[] sealed = sealed(id, "flipped");
                    // Another valid base64 character, so the damage is to the X25519 share, not its encoding.
                    sealed[40] = (byte) (sealed[40] == 'A' ? 'B' : 'A');
                    return sealed;
                }, samePath, 400, id -> error("invalid-report", "the report cannot be decrypted: "
                        + "no identity matches this file (it was encrypted to someone else)")),
                new Hostile("encrypted to another key", id -> device.seal(
                        device.report(id, mission.id(), agencyKeyId(), "x"), X25519Identity.generate().recipient()),
                        samePath, 400, id -> error("invalid-report", "the report cannot be decrypted: "
                                + "no identity matches this file (it was encrypted to someone else)")),
                new Hostile("signed by a device that is not enrolled", id -> {
                    TestDevice stranger = new TestDevice();
                    return stranger.seal(stranger.report(id, mission.id(), agencyKeyId(), "x"),
                            keys.report().recipient());
                }, samePath, 400, id -> error("invalid-report", "the report is signed by a device that is not enrolled")),
                new Hostile("for another mission", id -> device.seal(
                        device.report(id, otherMission.id(), agencyKeyId(), "x"), keys.report().recipient()),
                        samePath, 400, id -> error("invalid-report",
                                "the report names another mission than the one its device is enrolled in")),
                new Hostile("naming another agency key", id -> device.seal(
                        device.report(id, mission.id(), "0123456789abcdef", "x"), keys.report().recipient()),
                        samePath, 400, id -> error("invalid-report", "the report names agency key 0123456789abcdef, "
                                + "not this agency's key " + agencyKeyId())),
                new Hostile("naming another report id", id -> sealed(UUID.randomUUID().toString(), "x"), samePath,
                        400, id -> null),
                new Hostile("sent to a path that is not a report id", id -> sealed(id, "x"),
                        id -> "/api/v1/reports/" + id.toUpperCase(java.util.Locale.ROOT), 400,
                        id -> error("invalid-report", "the report id in the path must be a lowercase UUID")),
                new Hostile("script payload as the body", id -> "<script>alert(1)</script>".getBytes(UTF_8), samePath,
                        400, id -> error("invalid-report", "the report cannot be decrypted: the age header is truncated"))
        ).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("hostileReports")
    void aHostileReportIsRefusedAndNothingIsStored(Hostile hostile) {
        String reportId = UUID.randomUUID().toString();
        byte[] body = hostile.body().apply(reportId);
        long reportsBefore = TestDatabase.count(data, "reports");
        long auditBefore = TestDatabase.count(data, "audit");

        HttpResponse<byte[]> response = http().postBytes(hostile.path().apply(reportId), body,
                "application/octet-stream");

        assertEquals(hostile.status(), response.statusCode(), new String(response.body(), UTF_8));
        String expected = hostile.expectedBody().apply(reportId);
        if (expected != null) {
            assertEquals(expected, new String(response.body(), UTF_8));
        }
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(reportsBefore, TestDatabase.count(data, "reports"));
        assertEquals(auditBefore, TestDatabase.count(data, "audit"));
    }

    @Test
    void anOversizedReportIsRefusedOnItsDeclaredLengthBeforeAnyByteIsRead() {
        String reportId = UUID.randomUUID().toString();
        long reportsBefore = TestDatabase.count(data, "reports");

        TestHttp.RawResponse response = http().postDeclaringLength("/api/v1/reports/" + reportId,
                "application/octet-stream", SealedReport.MAX_SEALED_BYTES + 1);

        assertEquals(413, response.status());
        assertEquals("application/json", response.headers().get("content-type"));
        assertEquals(error("too-large", "the request body is larger than 25165824 bytes"), response.body());
        assertEquals(reportsBefore, TestDatabase.count(data, "reports"));
    }

    @Test
    void aReportWithTheLargestAttachmentsAllowedIsAcceptedAndStoredExactly() {
        String reportId = UUID.randomUUID().toString();
        List<Attachment> attachments = new ArrayList<>();
        Random random = new Random(7);
        for (int size : new int[] {Attachment.MAX_BYTES, Attachment.MAX_TOTAL_BYTES - Attachment.MAX_BYTES}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            attachments.add(new Attachment("scan " + size + ".bin", Attachment.UNKNOWN_TYPE, bytes));
        }
        Incident incident = new Incident(Category.T03, Severity.S3, Tlp.AMBER, "2026-11-27T22:15+08:00", false,
                "Hôtel", "Portable", "d".repeat(Incident.MAX_DESCRIPTION), "a".repeat(Incident.MAX_ACTIONS), false,
                Incident.MAX_OUT_OF_SIGHT_MINUTES, "c".repeat(Incident.MAX_ACCOUNTS), "", attachments);
        byte[] sealed = device.seal(device.report(reportId, mission.id(), agencyKeyId(), incident),
                keys.report().recipient());

        HttpResponse<byte[]> response = send(reportId, sealed);

        assertEquals(200, response.statusCode(), new String(response.body(), UTF_8));
        assertTrue(sealed.length > 1024 * 1024 && sealed.length <= SealedReport.MAX_SEALED_BYTES, "" + sealed.length);
        assertArrayEquals(sealed, TestDatabase.bytes(data, "SELECT sealed FROM reports WHERE report_id = ?", reportId));
        assertEquals(Attachment.MAX_TOTAL_BYTES, TestDatabase.single(data,
                "SELECT SUM(length(data)) FROM attachments WHERE report_id = ?", reportId));
        assertEquals(attachments.get(1).sha256(), TestDatabase.text(data,
                "SELECT sha256 FROM attachments WHERE report_id = ? AND position = 2", reportId));
    }

    @Test
    void theServerAcceptsRequestsAsLargeAsTheLargestSealedReport() {
        assertTrue(WebServer.MAX_REQUEST_BYTES >= SealedReport.MAX_SEALED_BYTES);
        assertEquals(SealedReport.MAX_SEALED_BYTES, IntakeService.MAX_SEALED_BYTES);
    }

    @Test
    void aReportNamingAnotherReportIdIsRefusedNamingBothIds() {
        String pathId = UUID.randomUUID().toString();
        String innerId = UUID.randomUUID().toString();

        HttpResponse<byte[]> response = send(pathId, sealed(innerId, "x"));

        assertEquals(400, response.statusCode());
        assertEquals(error("invalid-report", "the report names report id " + innerId + ", not the id " + pathId
                + " it was sent to"), new String(response.body(), UTF_8));
    }

    @Test
    void aRefusedReportCanStillBeSentCorrectlyAfterwards() {
        String reportId = UUID.randomUUID().toString();
        send(reportId, "garbage".getBytes(UTF_8));
        byte[] sealed = sealed(reportId, "now correct");

        HttpResponse<byte[]> response = send(reportId, sealed);

        assertEquals(200, response.statusCode());
        assertEquals(reportId, Receipt.verify(response.body(), keys.signing().publicKey(),
                expected(reportId, sealed)).reportId());
    }
}
