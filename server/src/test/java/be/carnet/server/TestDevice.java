package be.carnet.server;

import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.age.X25519Recipient;
import be.carnet.protocol.enrol.EnrolmentCode;
import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.SealedReport;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.time.Instant;

/** A traveller's device made of protocol classes only, as the real app would be. */
public final class TestDevice {

    public final Ed25519KeyPair signing = Ed25519KeyPair.generate();
    public final X25519Identity identity = X25519Identity.generate();

    /** The signed enrolment request for the printed {@code code}. */
    public byte[] enrolRequest(String code) {
        EnrolmentCode parsed = EnrolmentCode.parse(code);
        return new EnrolmentRequest(parsed.secret(), signing.publicKey(), identity.recipient(),
                Instant.parse("2026-11-28T09:00:00Z")).sign(signing);
    }

    /** The signed confirmation (phase two, which spends the code) for the printed {@code code}. */
    public byte[] enrolConfirmation(String code) {
        EnrolmentCode parsed = EnrolmentCode.parse(code);
        return new EnrolmentRequest(parsed.secret(), signing.publicKey(), identity.recipient(),
                Instant.parse("2026-11-28T09:00:00Z")).signConfirmation(signing);
    }

    public String keyId() {
        return signing.publicKey().keyId();
    }

    /** A report signed by this device. */
    public Report report(String reportId, String missionId, String agencyKeyId, String description) {
        return new Report(reportId, missionId, keyId(), agencyKeyId, 1, Report.FIRST_PREVIOUS_HASH,
                Instant.parse("2026-11-28T10:00:00Z"), new Incident(Category.T03, Severity.S2, Tlp.AMBER,
                        "2026-11-27T22:15+08:00", "Hôtel, Shanghai", description));
    }

    /** A report of {@code incident}, signed by this device, first entry of its journal. */
    public Report report(String reportId, String missionId, String agencyKeyId, Incident incident) {
        return new Report(reportId, missionId, keyId(), agencyKeyId, 1, Report.FIRST_PREVIOUS_HASH,
                Instant.parse("2026-11-28T10:00:00Z"), incident);
    }

    /** The journal entry {@code sequence} of this device, chained to {@code previousHash}. */
    public Report entry(String missionId, String agencyKeyId, long sequence, String previousHash) {
        return new Report(java.util.UUID.randomUUID().toString(), missionId, keyId(), agencyKeyId, sequence,
                previousHash, Instant.parse("2026-11-28T10:00:00Z"), new Incident(Category.T04, Severity.S1, Tlp.GREEN,
                        "2026-11-27T09:00+08:00", "Salon", "entry " + sequence));
    }

    /** The signed envelope of {@code report}: what the next journal entry chains to. */
    public byte[] sign(Report report) {
        return SealedReport.sign(report, signing);
    }

    /** {@code report} signed by this device and sealed to {@code agency}. */
    public byte[] seal(Report report, X25519Recipient agency) {
        return SealedReport.seal(SealedReport.sign(report, signing), agency);
    }
}
