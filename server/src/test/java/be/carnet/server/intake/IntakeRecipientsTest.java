package be.carnet.server.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.protocol.age.Age;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.server.AgencyServer;
import be.carnet.server.TestDatabase;
import be.carnet.server.TestDevice;
import be.carnet.server.TestHttp;
import be.carnet.server.mission.Mission;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** formats.md 8.1 at the agency's door: a report sealed to anyone besides the agency is refused, and not stored. */
class IntakeRecipientsTest {

    private static final String TWO_RECIPIENTS = "{\"error\":\"invalid-report\",\"message\":\"the report is sealed to 2"
            + " recipients; a sealed report must have exactly one recipient stanza, X25519 to the agency report key"
            + " (formats.md 8.1)\"}";

    @TempDir
    static Path data;
    static AgencyServer server;
    static Mission mission;
    static TestDevice device;

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", "correct horse battery staple".toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0);
        mission = server.missions().create("Mission Chine", "Beijing");
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

    private static byte[] signedReport(String reportId) {
        return device.sign(device.report(reportId, mission.id(), server.keys().signing().publicKey().keyId(),
                "Le portable a changé de place."));
    }

    private static byte[] ageCommand(List<String> arguments, byte[] stdin) throws IOException, InterruptedException {
        Process age = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = age.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = age.getInputStream().readAllBytes();
        assertEquals(0, age.waitFor());
        return out;
    }

    private static long stored(String reportId) {
        return TestDatabase.single(data, "SELECT COUNT(*) FROM reports WHERE report_id = ?", reportId);
    }

    @Test
    void aReportTheAgeCommandSealedToTheAgencyAndAnotherRecipientIsRefusedWith400() throws Exception {
        String reportId = UUID.randomUUID().toString();
        byte[] sealed = ageCommand(List.of("age", "-r", server.keys().report().recipient().encoded(),
                "-r", X25519Identity.generate().recipient().encoded()), signedReport(reportId));

        HttpResponse<byte[]> response = http().postBytes("/api/v1/reports/" + reportId, sealed,
                "application/octet-stream");

        assertEquals(400, response.statusCode());
        assertEquals(TWO_RECIPIENTS, new String(response.body(), UTF_8));
        assertEquals(0, stored(reportId));
    }

    @Test
    void aReportCarnetsOwnWriterSealedToTwoRecipientsIsRefusedWith400() {
        String reportId = UUID.randomUUID().toString();
        byte[] sealed = Age.encrypt(signedReport(reportId), List.of(server.keys().report().recipient(),
                X25519Identity.generate().recipient()));

        HttpResponse<byte[]> response = http().postBytes("/api/v1/reports/" + reportId, sealed,
                "application/octet-stream");

        assertEquals(400, response.statusCode());
        assertEquals(TWO_RECIPIENTS, new String(response.body(), UTF_8));
        assertEquals(0, stored(reportId));
    }

    @Test
    void theSameReportSealedToTheAgencyAloneByTheAgeCommandIsAccepted() throws Exception {
        String reportId = UUID.randomUUID().toString();
        byte[] sealed = ageCommand(List.of("age", "-r", server.keys().report().recipient().encoded()),
                signedReport(reportId));

        HttpResponse<byte[]> response = http().postBytes("/api/v1/reports/" + reportId, sealed,
                "application/octet-stream");

        assertEquals(200, response.statusCode());
        assertEquals(1, stored(reportId));
    }
}
