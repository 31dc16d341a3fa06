package be.carnet.server.intake;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.OccurredAt;
import be.carnet.protocol.report.Receipt;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.ReportRejectedException;
import be.carnet.protocol.report.SealedReport;
import be.carnet.server.enrolment.Device;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.storage.AuditLog;
import be.carnet.server.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Receives sealed reports exactly once. The report id is the idempotency key: the same id with the
 * same bytes returns the receipt first issued; the same id with other bytes is refused and nothing
 * changes. A new report is decrypted and verified outside the database lock, then numbered, stored
 * exactly as received next to its decrypted fields and its attachments, and receipted in one transaction.
 *
 * <p>Thread-safe. At most {@code maxConcurrent} reports are opened at once, and reports being opened hold at
 * most {@code maxBytesInFlight} sealed bytes at once; beyond either, {@link IntakeBusyException} asks the device
 * to retry. Over HTTP, the bytes of a report are counted as they arrive, before this service sees them
 * ({@code limits.BodyGate}): a body declared but not sent holds nothing.
 */
public final class IntakeService {

    public static final int MAX_SEALED_BYTES = SealedReport.MAX_SEALED_BYTES;
    /**
     * Sealed bytes that reports being opened may hold at once, by default: one of the largest and
     * 8 MiB of ordinary ones. Opening a report takes about twelve times its size in heap while it is parsed
     * (a 17.8 MiB report with 10 MiB of attachments needs about 220 MB), so this bound, not the number of
     * reports, is what keeps the server within its heap when several large reports arrive at once.
     */
    public static final int DEFAULT_BYTES_IN_FLIGHT = MAX_SEALED_BYTES + 8 * 1024 * 1024;

    private final Database database;
    private final EnrolmentService enrolments;
    private final AgencyKeys keys;
    private final Clock clock;
    private final Semaphore openers;
    private final Semaphore bytesInFlight;
    private final String agencyKeyId;

    public IntakeService(Database database, EnrolmentService enrolments, AgencyKeys keys, Clock clock,
                         int maxConcurrent) {
        this(database, enrolments, keys, clock, maxConcurrent, DEFAULT_BYTES_IN_FLIGHT);
    }

    /**
     * @param maxConcurrent reports opened at once
     * @param maxBytesInFlight sealed bytes held at once by the reports being opened; at least
     *                         {@link #MAX_SEALED_BYTES} for the largest report to ever fit
     */
    public IntakeService(Database database, EnrolmentService enrolments, AgencyKeys keys, Clock clock,
                         int maxConcurrent, int maxBytesInFlight) {
        this.database = database;
        this.enrolments = enrolments;
        this.keys = keys;
        this.clock = clock;
        this.openers = new Semaphore(maxConcurrent);
        this.bytesInFlight = new Semaphore(maxBytesInFlight);
        this.agencyKeyId = keys.signing().publicKey().keyId();
    }

    /**
     * Receives the sealed report {@code reportId}.
     *
     * @param reportId the id from the request path
     * @param untrustedSealed the bytes as received
     * @return the signed receipt bytes (the same bytes for every retry of the same report)
     * @throws InvalidReportException if the report does not decrypt, verify or match; nothing stored
     * @throws ReportConflictException if the id was received with other bytes; nothing changed
     * @throws IntakeBusyException if too many reports, or too many bytes of reports, are being opened
     */
    public byte[] receive(String reportId, byte[] untrustedSealed) {
        checkId(reportId);
        int reserved = untrustedSealed == null ? 0 : Math.min(untrustedSealed.length, MAX_SEALED_BYTES);
        if (!bytesInFlight.tryAcquire(reserved)) {
            throw new IntakeBusyException();
        }
        try {
            return receiveReserved(reportId, untrustedSealed);
        } finally {
            bytesInFlight.release(reserved);
        }
    }

    private static void checkId(String reportId) {
        if (!Report.isValidId(reportId)) {
            throw new InvalidReportException("the report id in the path must be a lowercase UUID");
        }
    }

    private byte[] receiveReserved(String reportId, byte[] untrustedSealed) {
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
        OpenedReport opened = open(untrustedSealed);
        Report verifiedReport = opened.sealed().report();
        Device device = opened.device();
        if (!verifiedReport.reportId().equals(reportId)) {
            throw new InvalidReportException("the report names report id " + verifiedReport.reportId()
                    + ", not the id " + reportId + " it was sent to");
        }
        if (!verifiedReport.missionId().equals(device.missionId())) {
            throw new InvalidReportException("the report names another mission than the one its device is enrolled in");
        }
        if (!verifiedReport.agencyKeyId().equals(agencyKeyId)) {
            throw new InvalidReportException("the report names agency key " + verifiedReport.agencyKeyId()
                    + ", not this agency's key " + agencyKeyId);
        }
        return database.transaction(c -> {
            Optional<byte[]> raced = storedReceipt(c, reportId, sealedSha256);
            if (raced.isPresent()) {
                return raced.get();
            }
            return store(c, verifiedReport, untrustedSealed, sealedSha256, opened.sealed().signedEnvelope());
        });
    }

    /** A report that decrypted and verified, with the enrolled device whose key signed it. */
    private record OpenedReport(SealedReport.Opened sealed, Device device) {
    }

    private OpenedReport open(byte[] untrustedSealed) {
        if (!openers.tryAcquire()) {
            throw new IntakeBusyException();
        }
        try {
            Device[] signer = new Device[1];
            SealedReport.Opened opened = SealedReport.open(untrustedSealed, keys.report(), keyId -> {
                Optional<Device> device = enrolments.device(keyId);
                device.ifPresent(d -> signer[0] = d);
                return device.map(Device::signingKey);
            });
            return new OpenedReport(opened, signer[0]);
        } catch (ReportRejectedException e) {
            throw new InvalidReportException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // A hostile file can trip a parser below the protocol's own checks; it is still just invalid.
            throw new InvalidReportException("the report cannot be opened: " + e.getClass().getSimpleName(), e);
        } finally {
            openers.release();
        }
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
                receivedAt, position, agencyKeyId).sign(keys.signing());
        Incident incident = report.incident();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO reports (report_id, mission_id, "
                + "device_key_id, sealed, sealed_sha256, received_at_ms, log_position, signed_envelope, receipt, sequence, "
                + "previous_hash, created_at_ms, category, severity, tlp, occurred_at, place, description, approximate, "
                + "device, actions_taken, ongoing, out_of_sight_minutes, accounts, amends, occurred_at_ms, "
                + "occurred_offset_seconds) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, report.reportId());
            insert.setString(2, report.missionId());
            insert.setString(3, report.deviceKeyId());
            insert.setBytes(4, sealed);
            insert.setString(5, sealedSha256);
            insert.setLong(6, receivedAt.toEpochMilli());
            insert.setLong(7, position);
            insert.setBytes(8, signedEnvelope);
            insert.setBytes(9, receipt);
            insert.setLong(10, report.sequence());
            insert.setString(11, report.previousHash());
            insert.setLong(12, report.createdAt().toEpochMilli());
            insert.setString(13, incident.category().name());
            insert.setString(14, incident.severity().name());
            insert.setString(15, incident.tlp().name());
            insert.setString(16, incident.occurredAt());
            insert.setString(17, incident.place());
            insert.setString(18, incident.description());
            insert.setInt(19, incident.approximate() ? 1 : 0);
            insert.setString(20, incident.device());
            insert.setString(21, incident.actionsTaken());
            insert.setInt(22, incident.ongoing() ? 1 : 0);
            if (incident.outOfSightMinutes() == null) {
                insert.setNull(23, Types.INTEGER);
            } else {
                insert.setInt(23, incident.outOfSightMinutes());
            }
            insert.setString(24, incident.accounts());
            insert.setString(25, incident.amends());
            // The text stays as signed; the instant and offset beside it are what pages and sorting use.
            Optional<OffsetDateTime> occurred = OccurredAt.parse(incident.occurredAt());
            if (occurred.isPresent()) {
                insert.setLong(26, occurred.get().toInstant().toEpochMilli());
                insert.setInt(27, occurred.get().getOffset().getTotalSeconds());
            } else {
                insert.setNull(26, Types.INTEGER);
                insert.setNull(27, Types.INTEGER);
            }
            insert.executeUpdate();
        }
        storeAttachments(c, report.reportId(), incident.attachments());
        AuditLog.record(c, receivedAt, "device:" + report.deviceKeyId(), "report.receive",
                "report " + report.reportId() + ", mission " + report.missionId() + ", log position " + position);
        return receipt;
    }

    /** Stores the attachments of {@code reportId} in their order, from position 1, with the hash checked on parse. */
    private static void storeAttachments(Connection c, String reportId, List<Attachment> attachments)
            throws SQLException {
        if (attachments.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO attachments (report_id, position, name, "
                + "media_type, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int position = 1;
            for (Attachment attachment : attachments) {
                insert.setString(1, reportId);
                insert.setInt(2, position++);
                insert.setString(3, attachment.name());
                insert.setString(4, attachment.mediaType());
                insert.setLong(5, attachment.size());
                insert.setString(6, attachment.sha256());
                insert.setBytes(7, attachment.data());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
