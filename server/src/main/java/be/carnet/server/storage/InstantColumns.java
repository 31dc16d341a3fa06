package be.carnet.server.storage;

import be.carnet.protocol.report.OccurredAt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schema migration 3: every instant column held ISO 8601 text, which sorts wrongly ("…00.5Z" before
 * "…00Z": {@code .} comes before {@code Z}); each becomes an INTEGER of UTC epoch milliseconds named
 * {@code *_ms}. The incident's {@code occurred_at} stays as the traveller's app wrote it (the text of the
 * signed report) and gains {@code occurred_at_ms} and {@code occurred_offset_seconds}, NULL when the text is
 * not a time. Tables are rebuilt (SQLite's documented procedure: new table, copy, drop, rename; foreign
 * keys are off during migrations) so that a migrated database and a new one have the same columns.
 *
 * <p>Values are converted in Java with {@link Instant#parse} (what wrote them), to the millisecond below;
 * a stored instant that does not parse stops the migration, naming the table, the row and the column, and
 * the database is left as it was.
 */
final class InstantColumns {

    /** Each rebuilt table: its new definition, and for each new column the old one it is copied from. */
    private record Rebuild(String table, String key, String create, Map<String, String> columns) {
    }

    private static final List<Rebuild> TABLES = List.of(
            new Rebuild("staff", "username", """
                    CREATE TABLE staff_new (
                        username TEXT PRIMARY KEY,
                        password_hash TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'analyst')),
                        created_at_ms INTEGER NOT NULL
                    )""", columns("username", "password_hash", "role", "created_at_ms=created_at")),
            new Rebuild("missions", "id", """
                    CREATE TABLE missions_new (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        destination TEXT NOT NULL,
                        mission_identity TEXT NOT NULL,
                        mission_recipient TEXT NOT NULL,
                        created_at_ms INTEGER NOT NULL
                    )""", columns("id", "name", "destination", "mission_identity", "mission_recipient",
                    "created_at_ms=created_at")),
            new Rebuild("enrolment_codes", "code_hash", """
                    CREATE TABLE enrolment_codes_new (
                        code_hash TEXT PRIMARY KEY,
                        mission_id TEXT NOT NULL REFERENCES missions(id),
                        alias TEXT NOT NULL,
                        created_at_ms INTEGER NOT NULL,
                        expires_at_ms INTEGER NOT NULL,
                        used_at_ms INTEGER,
                        device_key_id TEXT
                    )""", columns("code_hash", "mission_id", "alias", "created_at_ms=created_at",
                    "expires_at_ms=expires_at", "used_at_ms=used_at", "device_key_id")),
            new Rebuild("devices", "key_id", """
                    CREATE TABLE devices_new (
                        key_id TEXT PRIMARY KEY,
                        mission_id TEXT NOT NULL REFERENCES missions(id),
                        alias TEXT NOT NULL,
                        signing_key TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        enrolled_at_ms INTEGER NOT NULL,
                        code_hash TEXT NOT NULL UNIQUE REFERENCES enrolment_codes(code_hash)
                    )""", columns("key_id", "mission_id", "alias", "signing_key", "recipient",
                    "enrolled_at_ms=enrolled_at", "code_hash")),
            new Rebuild("bundles", "mission_id || '/' || version", """
                    CREATE TABLE bundles_new (
                        mission_id TEXT NOT NULL REFERENCES missions(id),
                        version INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        bytes BLOB NOT NULL,
                        published_at_ms INTEGER NOT NULL,
                        published_by TEXT NOT NULL,
                        PRIMARY KEY (mission_id, version)
                    )""", columns("mission_id", "version", "sha256", "bytes", "published_at_ms=published_at",
                    "published_by")),
            new Rebuild("reports", "report_id", """
                    CREATE TABLE reports_new (
                        report_id TEXT PRIMARY KEY,
                        mission_id TEXT NOT NULL REFERENCES missions(id),
                        device_key_id TEXT NOT NULL REFERENCES devices(key_id),
                        sealed BLOB NOT NULL,
                        sealed_sha256 TEXT NOT NULL,
                        received_at_ms INTEGER NOT NULL,
                        log_position INTEGER NOT NULL UNIQUE,
                        signed_envelope BLOB NOT NULL,
                        receipt BLOB NOT NULL,
                        sequence INTEGER NOT NULL,
                        previous_hash TEXT NOT NULL,
                        created_at_ms INTEGER NOT NULL,
                        category TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        tlp TEXT NOT NULL,
                        occurred_at TEXT NOT NULL,
                        occurred_at_ms INTEGER,
                        occurred_offset_seconds INTEGER CHECK (occurred_offset_seconds BETWEEN -64800 AND 64800),
                        place TEXT NOT NULL,
                        description TEXT NOT NULL,
                        approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
                        device TEXT NOT NULL DEFAULT '',
                        actions_taken TEXT NOT NULL DEFAULT '',
                        ongoing INTEGER NOT NULL DEFAULT 0 CHECK (ongoing IN (0, 1)),
                        out_of_sight_minutes INTEGER,
                        accounts TEXT NOT NULL DEFAULT '',
                        amends TEXT NOT NULL DEFAULT '',
                        CHECK ((occurred_at_ms IS NULL) = (occurred_offset_seconds IS NULL))
                    )""", columns("report_id", "mission_id", "device_key_id", "sealed", "sealed_sha256",
                    "received_at_ms=received_at", "log_position", "signed_envelope", "receipt", "sequence",
                    "previous_hash", "created_at_ms=created_at", "category", "severity", "tlp", "occurred_at",
                    "occurred_at_ms=occurred_at", "occurred_offset_seconds=occurred_at", "place", "description",
                    "approximate", "device", "actions_taken", "ongoing", "out_of_sight_minutes", "accounts",
                    "amends")),
            new Rebuild("audit", "id", """
                    CREATE TABLE audit_new (
                        id INTEGER PRIMARY KEY,
                        at_ms INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        detail TEXT NOT NULL
                    )""", columns("id", "at_ms=at", "actor", "action", "detail")));

    /** The indexes dropped with the old tables, made again on the new ones. */
    private static final List<String> INDEXES = List.of(
            "CREATE INDEX enrolment_codes_mission ON enrolment_codes(mission_id)",
            "CREATE INDEX devices_mission ON devices(mission_id)",
            "CREATE INDEX reports_mission ON reports(mission_id, log_position)",
            "CREATE INDEX reports_device ON reports(device_key_id, sequence)",
            "CREATE INDEX reports_amends ON reports(mission_id, amends)",
            "CREATE INDEX reports_occurred ON reports(mission_id, occurred_at_ms)",
            "CREATE INDEX missions_created ON missions(created_at_ms)");

    private InstantColumns() {
    }

    static void migrate(Connection c) throws SQLException {
        for (Rebuild rebuild : TABLES) {
            copy(c, rebuild);
        }
        try (Statement statement = c.createStatement()) {
            for (Rebuild rebuild : TABLES) {
                statement.execute("DROP TABLE " + rebuild.table());
                statement.execute("ALTER TABLE " + rebuild.table() + "_new RENAME TO " + rebuild.table());
            }
            for (String index : INDEXES) {
                statement.execute(index);
            }
        }
    }

    private static void copy(Connection c, Rebuild rebuild) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(rebuild.create());
        }
        List<String> targets = new ArrayList<>(rebuild.columns().keySet());
        List<String> sources = rebuild.columns().values().stream().distinct().toList();
        String insert = "INSERT INTO " + rebuild.table() + "_new (" + String.join(", ", targets) + ") VALUES ("
                + String.join(", ", targets.stream().map(t -> "?").toList()) + ")";
        try (Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + rebuild.key() + ", " + String.join(", ", sources)
                     + " FROM " + rebuild.table());
             PreparedStatement write = c.prepareStatement(insert)) {
            while (rows.next()) {
                String row = rows.getString(1);
                for (int i = 0; i < targets.size(); i++) {
                    String target = targets.get(i);
                    String source = rebuild.columns().get(target);
                    Object value = rows.getObject(2 + sources.indexOf(source));
                    write.setObject(i + 1, convert(rebuild.table(), row, source, target, value));
                }
                write.executeUpdate();
            }
        }
    }

    private static Object convert(String table, String row, String source, String target, Object value) {
        if (target.equals(source) || value == null) {
            return value;
        }
        String text = value.toString();
        if (source.equals("occurred_at")) {
            Optional<OffsetDateTime> when = OccurredAt.parse(text);
            if (target.equals("occurred_at_ms")) {
                return when.map(w -> w.toInstant().toEpochMilli()).orElse(null);
            }
            return when.map(w -> w.getOffset().getTotalSeconds()).orElse(null);
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new StorageException("schema migration 3: " + table + " row " + row + ", column " + source
                    + ": the stored time is not an ISO 8601 instant; the database was not changed");
        }
    }

    /** {@code "name"} copies a column as is; {@code "new=old"} converts {@code old} into {@code new}. */
    private static Map<String, String> columns(String... specs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String spec : specs) {
            String[] parts = spec.split("=", 2);
            map.put(parts[0], parts.length == 2 ? parts[1] : parts[0]);
        }
        return map;
    }
}
