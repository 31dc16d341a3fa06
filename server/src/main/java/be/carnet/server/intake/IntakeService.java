package be.carnet.server.intake;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Receipt;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.ReportRejectedException;
import be.carnet.protocol.report.SealedReport;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.server.enrolment.Device;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.storage.AuditLog;
import be.carnet.server.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Receives sealed reports exactly once. The report id is the idempotency key: the same id with the
 * same bytes returns the receipt first issued; the same id with other bytes is refused and nothing
 * changes. A new report is decrypted and verified outside the database lock, then numbered, stored
 * exactly as received next to its decrypted fields, and receipted in one transaction.
 *
 * <p>Thread-safe. At most {@code maxConcurrent} reports are opened at once; beyond that
 * {@link IntakeBusyException} asks the device to retry.
 */
public final class IntakeService {

    public static final int MAX_SEALED_BYTES = SealedReport.MAX_SEALED_BYTES;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Database database;
    private final EnrolmentService enrolments;
    private final AgencyKeys keys;
    private final Clock clock;
    private final Semaphore openers;

    public IntakeService(Database database, EnrolmentService enrolments, AgencyKeys keys, Clock clock,
                         int maxConcurrent) {
        this.database = database;
        this.enrolments = enrolments;
        this.keys = keys;
        this.clock = clock;
        this.openers = new Semaphore(maxConcurrent);
    }

    /**
     * Receives the sealed report {@code reportId}.
     *
     * @param reportId the id from the request path
     * @param untrustedSealed the bytes as received
     * @return the signed receipt bytes (the same bytes for every retry of the same report)
     * @throws InvalidReportException if the report does not decrypt, verify or match; nothing stored
     * @throws ReportConflictException if the id was received with other bytes; nothing changed
     * @throws IntakeBusyException if too many reports are being opened
     */
    public byte[] receive(String reportId, byte[] untrustedSealed) {
        if (reportId == null || !UUID_TEXT.matcher(reportId).matches()) {
            throw new InvalidReportException("the report id in the path must be a lowercase UUID");
        }
        if (untrustedSealed == null || untrustedSealed.length == 0) {
            throw new InvalidReportException("the report is empty");
        }
        if (untrustedSealed.length > MAX_SEALED_BYTES) {
            throw new InvalidReportException("the report is larger than " + MAX_SEALED_BYTES + " bytes");
        }
        String sealedSha256 = Hashes.sha256Hex(untrustedSealed);
        Optional<byte[]> earlier = database.read(c -> storedReceipt(c, reportId, sealedSha256));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SealedReport.Opened opened = open(untrustedSealed);
        Report verifiedReport = opened.report();
        Device device = enrolments.device(verifiedReport.deviceKeyId())
                .orElseThrow(() -> new InvalidReportException("the report is signed by a device that is not enrolled"));
        if (!verifiedReport.reportId().equals(reportId)) {
            throw new InvalidReportException("the report names report id " + verifiedReport.reportId()
                    + ", not the id " + reportId + " it was sent to");
        }
        if (!verifiedReport.missionId().equals(device.missionId())) {
            throw new InvalidReportException("the report names another mission than the one its device is enrolled in");
        }
        String ourKeyId = keys.signing().publicKey().keyId();
        if (!verifiedReport.agencyKeyId().equals(ourKeyId)) {
            throw new InvalidReportException("the report names agency key " + verifiedReport.agencyKeyId()
                    + ", not this agency's key " + ourKeyId);
        }
        return database.transaction(c -> {
            Optional<byte[]> raced = storedReceipt(c, reportId, sealedSha256);
            if (raced.isPresent()) {
                return raced.get();
            }
            return store(c, verifiedReport, untrustedSealed, sealedSha256, opened.signedEnvelope());
        });
    }

    private SealedReport.Opened open(byte[] untrustedSealed) {
        if (!openers.tryAcquire()) {
            throw new IntakeBusyException();
        }
        try {
            return SealedReport.open(untrustedSealed, keys.report(), this::enrolledKey);
        } catch (ReportRejectedException e) {
            throw new InvalidReportException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // A hostile file can trip a parser below the protocol's own checks; it is still just invalid.
            throw new InvalidReportException("the report cannot be opened: " + e.getClass().getSimpleName(), e);
        } finally {
            openers.release();
        }
    }

    private Optional<Ed25519PublicKey> enrolledKey(String keyId) {
        return enrolments.device(keyId).map(Device::signingKey);
    }

    private Optional<byte[]> storedReceipt(Connection c, String reportId, String sealedSha256) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT sealed_sha256, receipt FROM reports WHERE report_id = ?")) {
            query.setString(1, reportId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                if (!rows.getString(1).equals(sealedSha256)) {
                    throw new ReportConflictException(reportId);
                }
                return Optional.of(rows.getBytes(2));
            }
        }
    }

    private byte[] store(Connection c, Report report, byte[] sealed, String sealedSha256, byte[] signedEnvelope)
            throws SQLException {
        long position;
        try (PreparedStatement next = c.prepareStatement("SELECT COALESCE(MAX(log_position), 0) + 1 FROM reports");
             ResultSet rows = next.executeQuery()) {
            rows.next();
            position = rows.getLong(1);
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] receipt = new Receipt(report.reportId(), report.missionId(), report.deviceKeyId(), sealedSha256,
                receivedAt, position, keys.signing().publicKey().keyId()).sign(keys.signing());
        Incident incident = report.incident();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO reports (report_id, mission_id, "
                + "device_key_id, sealed, sealed_sha256, received_at, log_position, signed_envelope, receipt, sequence, "
                + "previous_hash, created_at, category, severity, tlp, occurred_at, place, description) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, report.reportId());
            insert.setString(2, report.missionId());
            insert.setString(3, report.deviceKeyId());
            insert.setBytes(4, sealed);
            insert.setString(5, sealedSha256);
            insert.setString(6, receivedAt.toString());
            insert.setLong(7, position);
            insert.setBytes(8, signedEnvelope);
            insert.setBytes(9, receipt);
            insert.setLong(10, report.sequence());
            insert.setString(11, report.previousHash());
            insert.setString(12, report.createdAt().toString());
            insert.setString(13, incident.category().name());
            insert.setString(14, incident.severity().name());
            insert.setString(15, incident.tlp().name());
            insert.setString(16, incident.occurredAt());
            insert.setString(17, incident.place());
            insert.setString(18, incident.description());
            insert.executeUpdate();
        }
        AuditLog.record(c, receivedAt, "device:" + report.deviceKeyId(), "report.receive",
                "report " + report.reportId() + ", mission " + report.missionId() + ", log position " + position);
        return receipt;
    }
}
