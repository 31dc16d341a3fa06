package be.carnet.server.report;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import be.carnet.server.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read-only queries over received reports, for the debrief pages. Thread-safe. */
public final class ReportQueries {

    private final Database database;

    public ReportQueries(Database database) {
        this.database = database;
    }

    /** The reports of mission {@code missionId}, in intake-log order. */
    public List<ReportSummary> list(String missionId) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT r.report_id, d.alias, r.category, r.severity, "
                    + "r.received_at, r.log_position FROM reports r JOIN devices d ON d.key_id = r.device_key_id "
                    + "WHERE r.mission_id = ? ORDER BY r.log_position")) {
                query.setString(1, missionId);
                List<ReportSummary> out = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        out.add(new ReportSummary(rows.getString(1), rows.getString(2),
                                Category.parse(rows.getString(3)), Severity.parse(rows.getString(4)),
                                Instant.parse(rows.getString(5)), rows.getLong(6)));
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
                    + "r.created_at, r.received_at, r.log_position, r.sealed_sha256, r.sequence, r.previous_hash "
                    + "FROM reports r JOIN devices d ON d.key_id = r.device_key_id "
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
                    ReportDetail.Chain chain = chain(c, deviceKeyId, sequence, previousHash);
                    return Optional.of(new ReportDetail(rows.getString(1), rows.getString(2), rows.getString(3),
                            deviceKeyId, Category.parse(rows.getString(5)), Severity.parse(rows.getString(6)),
                            Tlp.parse(rows.getString(7)), rows.getString(8), rows.getString(9), rows.getString(10),
                            Instant.parse(rows.getString(11)), Instant.parse(rows.getString(12)), rows.getLong(13),
                            rows.getString(14), sequence, previousHash, chain));
                }
            }
        });
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
