package be.carnet.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends to the audit table, inside the caller's transaction so the entry commits with the change it
 * records. Callers write who did what to which object, never a secret, a code, a password or report text.
 * Stateless.
 */
public final class AuditLog {

    private AuditLog() {
    }

    /** Records {@code action} by {@code actor}; {@code detail} names objects by id only. */
    public static void record(Connection connection, Instant at, String actor, String action, String detail)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit (at_ms, actor, action, detail) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, at.toEpochMilli());
            insert.setString(2, actor);
            insert.setString(3, action);
            insert.setString(4, detail);
            insert.executeUpdate();
        }
    }

    /** The newest {@code limit} entries, newest first. */
    public static List<Entry> latest(Database database, int limit) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT at_ms, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?")) {
                query.setInt(1, limit);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        out.add(new Entry(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2), rows.getString(3),
                                rows.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * One audit entry.
     *
     * @param at when
     * @param actor a staff username, or {@code device:KEYID}
     * @param action e.g. {@code mission.create}
     * @param detail the objects concerned, by id
     */
    public record Entry(Instant at, String actor, String action, String detail) {
    }
}
