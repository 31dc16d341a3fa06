package be.carnet.protocol.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.ExternalTool;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedReportTest {

    private static final Ed25519KeyPair AGENCY = Ed25519KeyPair.generate();
    private static final X25519Identity REPORT_KEY = X25519Identity.generate();
    private static final Ed25519KeyPair DEVICE = Ed25519KeyPair.generate();
    private static final Function<String, Optional<Ed25519PublicKey>> ENROLLED =
            id -> id.equals(DEVICE.publicKey().keyId()) ? Optional.of(DEVICE.publicKey()) : Optional.empty();

    private static Report report(String description) {
        return new Report(UUID.randomUUID().toString(), "m-1", DEVICE.publicKey().keyId(), AGENCY.publicKey().keyId(), 1,
                Report.FIRST_PREVIOUS_HASH, Instant.parse("2026-11-28T10:00:00Z"),
                new Incident(Category.T03, Severity.S2, Tlp.AMBER, "2026-11-27T22:15+08:00", "Hôtel, Shanghai",
                        description));
    }

    @Test
    void theAgencyOpensWhatTheDeviceSealed() {
        Report report = report("Le portable a changé de place dans la chambre.");
        byte[] signed = SealedReport.sign(report, DEVICE);

        SealedReport.Opened opened = SealedReport.open(SealedReport.seal(signed, REPORT_KEY.recipient()), REPORT_KEY,
                ENROLLED);

        assertEquals(report, opened.report());
        assertArrayEquals(signed, opened.signedEnvelope());
    }

    @Test
    void anAnalystDecryptsASealedReportWithTheAgeCommand(@TempDir Path dir) throws IOException {
        byte[] signed = SealedReport.sign(report("Clé USB offerte au salon."), DEVICE);
        Path key = Files.writeString(dir.resolve("agency-report.key"), REPORT_KEY.encoded() + "\n");

        byte[] decrypted = ExternalTool.runOk(List.of("age", "-d", "-i", key.toString()),
                SealedReport.seal(signed, REPORT_KEY.recipient()));

        assertArrayEquals(signed, decrypted);
    }

    @Test
    void refusesAReportFromADeviceThatIsNotEnrolled() {
        Ed25519KeyPair stranger = Ed25519KeyPair.generate();
        Report report = new Report(UUID.randomUUID().toString(), "m-1", stranger.publicKey().keyId(),
                AGENCY.publicKey().keyId(), 1, Report.FIRST_PREVIOUS_HASH, Instant.now(),
                new Incident(Category.T99, Severity.S0, Tlp.GREEN, "2026-11-27T22:15+08:00", "", "x"));
        byte[] sealed = SealedReport.seal(SealedReport.sign(report, stranger), REPORT_KEY.recipient());

        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> SealedReport.open(sealed, REPORT_KEY, ENROLLED));

        assertEquals("the report is signed by a device that is not enrolled", e.getMessage());
    }

    @Test
    void aReceiptVerifiesOnlyForTheBytesSentAndTheAgencyPinned() {
        byte[] sealed = SealedReport.seal(SealedReport.sign(report("x"), DEVICE), REPORT_KEY.recipient());
        String sha = Hashes.sha256Hex(sealed);
        Receipt receipt = new Receipt("r-1", "m-1", DEVICE.publicKey().keyId(), sha,
                Instant.parse("2026-11-28T11:00:00Z"), 7, AGENCY.publicKey().keyId());
        byte[] signed = receipt.sign(AGENCY);
        String device = DEVICE.publicKey().keyId();

        assertEquals(receipt, Receipt.verify(signed, AGENCY.publicKey(), new Receipt.Expected("r-1", "m-1", device, sha)));
        assertEquals("the receipt's sealedSha256 is for other bytes than the report sent",
                assertThrows(ReportRejectedException.class, () -> Receipt.verify(signed, AGENCY.publicKey(),
                        new Receipt.Expected("r-1", "m-1", device, Hashes.sha256Hex(new byte[1])))).getMessage());
        assertEquals("the receipt's reportId names another report than the one sent",
                assertThrows(ReportRejectedException.class, () -> Receipt.verify(signed, AGENCY.publicKey(),
                        new Receipt.Expected("r-2", "m-1", device, sha))).getMessage());
        Ed25519PublicKey other = Ed25519KeyPair.generate().publicKey();
        assertEquals("the receipt is not valid: the document is signed by key " + AGENCY.publicKey().keyId()
                        + ", not by the expected key " + other.keyId(),
                assertThrows(ReportRejectedException.class, () -> Receipt.verify(signed, other,
                        new Receipt.Expected("r-1", "m-1", device, sha))).getMessage());
    }

    @Test
    void refusesAnIncidentOverItsLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Incident(Category.T01, Severity.S1, Tlp.AMBER, "2026-11-27T22:15+08:00", "x".repeat(201), ""));

        assertEquals("place must be at most 200 characters", e.getMessage());
        assertEquals("category must be one of T01–T13 or T99",
                assertThrows(IllegalArgumentException.class, () -> Category.parse("T14")).getMessage());
        assertEquals("TLP:AMBER+STRICT", Tlp.AMBER_STRICT.label());
    }
}
