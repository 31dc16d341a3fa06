package be.carnet.server.enrolment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.enrol.AgencyAnnouncement;
import be.carnet.protocol.enrol.EnrolmentAnswer;
import be.carnet.protocol.enrol.EnrolmentCode;
import be.carnet.protocol.enrol.EnrolmentOffer;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.server.AgencyServer;
import be.carnet.server.TestDatabase;
import be.carnet.server.TestDevice;
import be.carnet.server.TestHttp;
import be.carnet.server.mission.Mission;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnrolmentApiTest {

    private static final String CODE_REJECTED = "{\"error\":\"code-rejected\",\"message\":"
            + "\"the enrolment code is unknown, expired or already used by another device\"}";

    @TempDir
    static Path data;
    static AgencyServer server;
    static Mission mission;

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", "correct horse battery staple".toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0);
        mission = server.missions().create("Mission économique", "Shanghai");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> offer(byte[] request) {
        return new TestHttp(server.baseUrl()).postBytes("/api/v1/enrol", request, "application/json");
    }

    private static HttpResponse<byte[]> confirm(byte[] confirmation) {
        return new TestHttp(server.baseUrl()).postBytes("/api/v1/enrol/confirm", confirmation, "application/json");
    }

    /** Both phases, as a device does them. */
    private static HttpResponse<byte[]> enrol(TestDevice device, String code) {
        assertEquals(200, offer(device.enrolRequest(code)).statusCode());
        return confirm(device.enrolConfirmation(code));
    }

    private static long used(String code) {
        return TestDatabase.single(data, "SELECT COUNT(*) FROM enrolment_codes WHERE code_hash = ? "
                + "AND used_at_ms IS NOT NULL", EnrolmentService.secretHash(EnrolmentCode.parse(code).secret()));
    }

    @Test
    void theAgencyAnnouncesItsSigningKeyForTheDeviceToCheckAgainstTheCode() {
        String code = server.enrolments().issueCode(mission.id(), "Delegate 0");

        HttpResponse<String> response = new TestHttp(server.baseUrl()).get("/api/v1/agency");

        assertEquals(200, response.statusCode());
        Ed25519PublicKey announced = AgencyAnnouncement.parse(response.body().getBytes(UTF_8));
        assertEquals(server.keys().signing().publicKey(), announced);
        assertTrue(EnrolmentCode.parse(code).matchesAgencyKey(announced));
    }

    @Test
    void theOfferSaysWhatTheDeviceWouldBeEnrolledAsAndSpendsNothing() {
        String code = server.enrolments().issueCode(mission.id(), "Delegate O");
        TestDevice device = new TestDevice();

        HttpResponse<byte[]> response = offer(device.enrolRequest(code));

        assertEquals(200, response.statusCode());
        EnrolmentOffer offer = EnrolmentOffer.verify(response.body(), EnrolmentCode.parse(code),
                device.signing.publicKey());
        assertEquals(mission.id(), offer.missionId());
        assertEquals("Delegate O", offer.travellerAlias());
        assertEquals(server.keys().report().recipient(), offer.agencyReportRecipient());
        assertEquals(0, used(code));
        assertEquals(0, TestDatabase.single(data, "SELECT COUNT(*) FROM devices WHERE key_id = ?", device.keyId()));
    }

    @Test
    void aDeviceThatNeverConfirmsLeavesTheCodeToTheOneThatDoes() {
        String code = server.enrolments().issueCode(mission.id(), "Delegate G");
        TestDevice abandoned = new TestDevice();
        TestDevice confirmed = new TestDevice();

        assertEquals(200, offer(abandoned.enrolRequest(code)).statusCode());
        HttpResponse<byte[]> answer = enrol(confirmed, code);

        assertEquals(200, answer.statusCode());
        assertEquals(1, used(code));
        assertEquals(0, TestDatabase.single(data, "SELECT COUNT(*) FROM devices WHERE key_id = ?", abandoned.keyId()));
        assertEquals(403, offer(abandoned.enrolRequest(code)).statusCode());
    }

    @Test
    void aDeviceEnrolsWithItsCodeAndOpensTheMissionKey() {
        String code = server.enrolments().issueCode(mission.id(), "Delegate A");
        TestDevice device = new TestDevice();

        HttpResponse<byte[]> response = enrol(device, code);

        assertEquals(200, response.statusCode());
        EnrolmentAnswer answer = EnrolmentAnswer.verify(response.body(), EnrolmentCode.parse(code),
                device.signing.publicKey());
        assertEquals(mission.id(), answer.missionId());
        assertEquals("Mission économique", answer.missionName());
        assertEquals("Delegate A", answer.travellerAlias());
        assertEquals(server.keys().signing().publicKey(), answer.agencySigningKey());
        assertEquals(server.keys().report().recipient(), answer.agencyReportRecipient());
        assertEquals(mission.recipient(), answer.openMissionKey(device.identity).recipient());
        assertEquals(1, TestDatabase.single(data, "SELECT COUNT(*) FROM devices WHERE key_id = ?", device.keyId()));
    }

    @Test
    void theSameDeviceRetryingTheSameCodeGetsAFreshAnswerForTheSameEnrolment() {
        String code = server.enrolments().issueCode(mission.id(), "Delegate B");
        TestDevice device = new TestDevice();
        enrol(device, code);

        HttpResponse<byte[]> again = enrol(device, code);

        assertEquals(200, again.statusCode());
        EnrolmentAnswer answer = EnrolmentAnswer.verify(again.body(), EnrolmentCode.parse(code),
                device.signing.publicKey());
        assertEquals(mission.recipient(), answer.openMissionKey(device.identity).recipient());
        assertEquals(1, TestDatabase.single(data, "SELECT COUNT(*) FROM devices WHERE key_id = ?", device.keyId()));
    }

    @Test
    void aCodeUsedByOneDeviceIsRefusedToAnother() {
        String code = server.enrolments().issueCode(mission.id(), "Delegate C");
        enrol(new TestDevice(), code);
        TestDevice second = new TestDevice();

        HttpResponse<byte[]> response = offer(second.enrolRequest(code));
        HttpResponse<byte[]> confirmed = confirm(second.enrolConfirmation(code));

        assertEquals(403, response.statusCode());
        assertEquals(CODE_REJECTED, new String(response.body(), UTF_8));
        assertEquals(403, confirmed.statusCode());
        assertEquals(CODE_REJECTED, new String(confirmed.body(), UTF_8));
        assertEquals(0, TestDatabase.single(data, "SELECT COUNT(*) FROM devices WHERE key_id = ?", second.keyId()));
    }

    @Test
    void anUnknownCodeGetsTheSameAnswerAsAUsedOne() {
        String code = server.enrolments().issueCode(mission.id(), "Delegate D");
        String unknown = "0000-0000-0000-0000" + code.substring(19);

        HttpResponse<byte[]> response = offer(new TestDevice().enrolRequest(unknown));

        assertEquals(403, response.statusCode());
        assertEquals(CODE_REJECTED, new String(response.body(), UTF_8));
    }

    @Test
    void theCodeIsNeverStoredInClear() {
        String code = server.enrolments().issueCode(mission.id(), "Delegate E");
        String secret = EnrolmentCode.parse(code).secret();

        long matches = TestDatabase.single(data, "SELECT COUNT(*) FROM enrolment_codes WHERE code_hash = ?",
                EnrolmentService.secretHash(secret));

        assertEquals(1, matches);
        assertEquals(0, TestDatabase.single(data, "SELECT COUNT(*) FROM enrolment_codes WHERE code_hash LIKE ? "
                + "OR alias LIKE ?", "%" + secret + "%", "%" + secret + "%"));
        assertEquals(0, TestDatabase.single(data, "SELECT COUNT(*) FROM audit WHERE detail LIKE ?", "%" + secret + "%"));
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("empty", (Supplier<byte[]>) () -> new byte[0],
                        "the enrolment request is not valid: the signed document is empty"),
                Arguments.of("not JSON", (Supplier<byte[]>) () -> "enrol me".getBytes(UTF_8),
                        "the enrolment request is not valid: the signed document is malformed: not valid JSON"),
                Arguments.of("script payload", (Supplier<byte[]>) () ->
                        "{\"payload\":\"<script>\",\"signature\":\"x\",\"signer\":\"y\"}".getBytes(UTF_8),
                        null),
                Arguments.of("signature bit-flipped", (Supplier<byte[]>) () -> {
                    byte[] request = new TestDevice().enrolRequest(server.enrolments().issueCode(mission.id(), "F"));
                    String text = new String(request, UTF_8);
                    int at = text.indexOf("\"signature\":\"") + 14;
                    char flipped = text.charAt(at) == 'A' ? 'B' : 'A';
                    return (text.substring(0, at) + flipped + text.substring(at + 1)).getBytes(UTF_8);
                }, "the enrolment request is not valid: the signature does not match the document")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void aMalformedRequestIsRefusedAndEnrolsNobody(String name, Supplier<byte[]> request, String message) {
        long devicesBefore = TestDatabase.count(data, "devices");

        HttpResponse<byte[]> response = offer(request.get());

        assertEquals(400, response.statusCode());
        String body = new String(response.body(), UTF_8);
        if (message != null) {
            com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
            assertEquals("malformed", json.get("error").getAsString());
            assertEquals(message, json.get("message").getAsString());
        }
        assertEquals(devicesBefore, TestDatabase.count(data, "devices"));
    }

    @Test
    void anOversizedRequestIsRefusedBeforeItIsRead() {
        TestHttp.RawResponse response = new TestHttp(server.baseUrl()).postDeclaringLength("/api/v1/enrol",
                "application/json", 4 * 1024 + 1);

        assertEquals(413, response.status());
        assertEquals("{\"error\":\"too-large\",\"message\":\"the request body is larger than 4096 bytes\"}",
                response.body());
    }
}
