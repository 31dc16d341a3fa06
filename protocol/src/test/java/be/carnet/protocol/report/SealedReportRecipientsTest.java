package be.carnet.protocol.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.ExternalTool;
import be.carnet.protocol.age.Age;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** formats.md 8.1: a sealed report has exactly one recipient stanza, X25519 to the agency report key. */
class SealedReportRecipientsTest {

    private static final X25519Identity REPORT_KEY = X25519Identity.generate();
    private static final Ed25519KeyPair DEVICE = Ed25519KeyPair.generate();
    private static final Function<String, Optional<Ed25519PublicKey>> ENROLLED =
            id -> id.equals(DEVICE.publicKey().keyId()) ? Optional.of(DEVICE.publicKey()) : Optional.empty();
    private static final String TWO_RECIPIENTS = "the report is sealed to 2 recipients; a sealed report must have"
            + " exactly one recipient stanza, X25519 to the agency report key (formats.md 8.1)";

    private static byte[] signedReport() {
        Report report = new Report(UUID.randomUUID().toString(), "m-1", DEVICE.publicKey().keyId(), "56475aa75463474c",
                1, Report.FIRST_PREVIOUS_HASH, Instant.parse("2026-11-28T10:00:00Z"),
                new Incident(Category.T03, Severity.S2, Tlp.AMBER, "2026-11-27T22:15+08:00", "Hôtel", "x"));
        return SealedReport.sign(report, DEVICE);
    }

    @Test
    void refusesAReportTheAgeCommandSealedToTheAgencyAndSomeoneElse() {
        X25519Identity eavesdropper = X25519Identity.generate();
        byte[] sealed = ExternalTool.runOk(List.of("age", "-r", REPORT_KEY.recipient().encoded(),
                "-r", eavesdropper.recipient().encoded()), signedReport());

        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> SealedReport.open(sealed, REPORT_KEY, ENROLLED));

        assertEquals(TWO_RECIPIENTS, e.getMessage());
    }

    @Test
    void refusesAReportOurOwnWriterSealedToTheAgencyTwice() {
        byte[] sealed = Age.encrypt(signedReport(), List.of(REPORT_KEY.recipient(), REPORT_KEY.recipient()));

        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> SealedReport.open(sealed, REPORT_KEY, ENROLLED));

        assertEquals(TWO_RECIPIENTS, e.getMessage());
    }

    @Test
    void opensAReportTheAgeCommandSealedToTheAgencyAlone() {
        byte[] signed = signedReport();
        byte[] sealed = ExternalTool.runOk(List.of("age", "-r", REPORT_KEY.recipient().encoded()), signed);

        SealedReport.Opened opened = SealedReport.open(sealed, REPORT_KEY, ENROLLED);

        assertEquals(DEVICE.publicKey().keyId(), opened.report().deviceKeyId());
    }
}
