package be.carnet.server.report;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import be.carnet.server.storage.AuditLog;
import be.carnet.server.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queries over received reports, for the debrief pages. They only read, except {@link #download}, which
 * records the download in the audit log. Thread-safe.
 */
public final class ReportQueries {

    /** The audit action of an attachment download. */
    public static final String AUDIT_DOWNLOAD = "report.attachment.download";

    private static final String LINK_COLUMNS = "r.report_id, r.log_position, d.alias, r.category, r.received_at_ms, "
            + "r.device_key_id FROM reports r JOIN devices d ON d.key_id = r.device_key_id ";

    private final Database database;

    public ReportQueries(Database database) {
        this.database = database;
    }

    /** The reports of mission {@code missionId}, in intake-log order. */
    public List<ReportSummary> list(String missionId) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT r.report_id, d.alias, r.category, r.severity, "
                    + "r.received_at_ms, r.log_position, r.amends <> '', "
                    + "(SELECT COUNT(*) FROM attachments a WHERE a.report_id = r.report_id) "
                    + "FROM reports r JOIN devices d ON d.key_id = r.device_key_id "
                    + "WHERE r.mission_id = ? ORDER BY r.log_position")) {
                query.setString(1, missionId);
                List<ReportSummary> out = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        out.add(new ReportSummary(rows.getString(1), rows.getString(2),
                                Category.parse(rows.getString(3)), Severity.parse(rows.getString(4)),
                                Instant.ofEpochMilli(rows.getLong(5)), rows.getLong(6), rows.getBoolean(7), rows.getInt(8)));
                    }
                }
                return out;
            }
        });
    }

    /** Report {@code reportId} of mission {@code missionId}, if both match. */
    public Optional<ReportDetail> find(String missionId, String reportId) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT r.report_id, r.mission_id, d.alias, "
                    + "r.device_key_id, r.category, r.severity, r.tlp, r.occurred_at, r.place, r.description, "
                    + "r.created_at_ms, r.received_at_ms, r.log_position, r.sealed_sha256, r.sequence, r.previous_hash, "
                    + "r.approximate, r.device, r.actions_taken, r.ongoing, r.out_of_sight_minutes, r.accounts, "
                    + "r.amends FROM reports r JOIN devices d ON d.key_id = r.device_key_id "
                    + "WHERE r.mission_id = ? AND r.report_id = ?")) {
                query.setString(1, missionId);
                query.setString(2, reportId);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    String deviceKeyId = rows.getString(4);
                    long sequence = rows.getLong(15);
                    String previousHash = rows.getString(16);
                    int outOfSight = rows.getInt(21);
                    Integer outOfSightMinutes = rows.wasNull() ? null : outOfSight;
                    String amends = rows.getString(23);
                    ReportDetail.Chain chain = chain(c, deviceKeyId, sequence, previousHash);
                    ReportLink amended = amends.isEmpty() ? null : amended(c, missionId, amends, deviceKeyId);
                    return Optional.of(new ReportDetail(rows.getString(1), rows.getString(2), rows.getString(3),
                            deviceKeyId, Category.parse(rows.getString(5)), Severity.parse(rows.getString(6)),
                            Tlp.parse(rows.getString(7)), rows.getString(8), rows.getBoolean(17), rows.getString(9),
                            rows.getString(18), rows.getString(10), rows.getString(19), rows.getBoolean(20),
                            outOfSightMinutes, rows.getString(22), amends, amended,
                            addenda(c, missionId, reportId, deviceKeyId), attachments(c, reportId),
                            Instant.ofEpochMilli(rows.getLong(11)), Instant.ofEpochMilli(rows.getLong(12)), rows.getLong(13),
                            rows.getString(14), sequence, previousHash, chain));
                }
            }
        });
    }

    /**
     * The bytes of attachment {@code position} (from 1) of report {@code reportId} of mission
     * {@code missionId}, if all three match; the download is recorded in the audit log as done by
     * {@code actor} at {@code at}, in the same transaction, by ids only.
     */
    public Optional<AttachmentFile> download(String missionId, String reportId, int position, String actor,
                                             Instant at) {
        return database.transaction(c -> {
            Optional<AttachmentFile> found;
            try (PreparedStatement query = c.prepareStatement("SELECT a.name, a.data FROM attachments a "
                    + "JOIN reports r ON r.report_id = a.report_id "
                    + "WHERE r.mission_id = ? AND a.report_id = ? AND a.position = ?")) {
                query.setString(1, missionId);
                query.setString(2, reportId);
                query.setInt(3, position);
                try (ResultSet rows = query.executeQuery()) {
                    found = rows.next() ? Optional.of(new AttachmentFile(rows.getString(1), rows.getBytes(2)))
                            : Optional.empty();
                }
            }
            if (found.isPresent()) {
                AuditLog.record(c, at, actor, AUDIT_DOWNLOAD, "report " + reportId + ", mission " + missionId
                        + ", attachment " + position);
            }
            return found;
        });
    }

    private static ReportLink amended(Connection c, String missionId, String amends, String deviceKeyId)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + LINK_COLUMNS
                + "WHERE r.mission_id = ? AND r.report_id = ?")) {
            query.setString(1, missionId);
            query.setString(2, amends);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? link(rows, deviceKeyId) : null;
            }
        }
    }

    private static List<ReportLink> addenda(Connection c, String missionId, String reportId, String deviceKeyId)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + LINK_COLUMNS
                + "WHERE r.mission_id = ? AND r.amends = ? ORDER BY r.log_position")) {
            query.setString(1, missionId);
            query.setString(2, reportId);
            List<ReportLink> out = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add(link(rows, deviceKeyId));
                }
            }
            return out;
        }
    }

    private static ReportLink link(ResultSet rows, String deviceKeyId) throws SQLException {
        return new ReportLink(rows.getString(1), rows.getLong(2), rows.getString(3), Category.parse(rows.getString(4)),
                Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6).equals(deviceKeyId));
    }

    private static List<AttachmentInfo> attachments(Connection c, String reportId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT position, name, media_type, size, sha256 "
                + "FROM attachments WHERE report_id = ? ORDER BY position")) {
            query.setString(1, reportId);
            List<AttachmentInfo> out = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add(new AttachmentInfo(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5)));
                }
            }
            return out;
        }
    }

    private static ReportDetail.Chain chain(Connection c, String deviceKeyId, long sequence, String previousHash)
            throws SQLException {
        if (sequence == 1) {
            return Report.FIRST_PREVIOUS_HASH.equals(previousHash) ? ReportDetail.Chain.FIRST
                    : ReportDetail.Chain.BROKEN;
        }
        try (PreparedStatement query = c.prepareStatement(
                "SELECT signed_envelope FROM reports WHERE device_key_id = ? AND sequence = ?")) {
            query.setString(1, deviceKeyId);
            query.setLong(2, sequence - 1);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return ReportDetail.Chain.GAP;
                }
                return Hashes.sha256Hex(rows.getBytes(1)).equals(previousHash) ? ReportDetail.Chain.LINKED
                        : ReportDetail.Chain.BROKEN;
            }
        }
    }
}
