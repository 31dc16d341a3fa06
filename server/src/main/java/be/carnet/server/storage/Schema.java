package be.carnet.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The agency schema as an ordered list of migrations. Migration {@code n} (from 1) brings the database
 * from {@code PRAGMA user_version = n - 1} to {@code n}. Never edit a released migration: append one.
 * Each runs in one transaction with foreign keys off (so a table can be rebuilt), and is refused if it
 * leaves a foreign key broken.
 */
final class Schema {

    /** One step of the schema: statements, or code where converting values needs more than SQL. */
    @FunctionalInterface
    interface Migration {
        void apply(Connection c) throws SQLException;
    }

    static final List<Migration> MIGRATIONS = List.of(
            sql(
                    """
                    CREATE TABLE staff (
                        username TEXT PRIMARY KEY,
                        password_hash TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'analyst')),
                        created_at TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE missions (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        destination TEXT NOT NULL,
                        mission_identity TEXT NOT NULL,
                        mission_recipient TEXT NOT NULL,
                        created_at TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE enrolment_codes (
                        code_hash TEXT PRIMARY KEY,
                        mission_id TEXT NOT NULL REFERENCES missions(id),
                        alias TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        expires_at TEXT NOT NULL,
                        used_at TEXT,
                        device_key_id TEXT
                    )""",
                    "CREATE INDEX enrolment_codes_mission ON enrolment_codes(mission_id)",
                    """
                    CREATE TABLE devices (
                        key_id TEXT PRIMARY KEY,
                        mission_id TEXT NOT NULL REFERENCES missions(id),
                        alias TEXT NOT NULL,
                        signing_key TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        enrolled_at TEXT NOT NULL,
                        code_hash TEXT NOT NULL UNIQUE REFERENCES enrolment_codes(code_hash)
                    )""",
                    "CREATE INDEX devices_mission ON devices(mission_id)",
                    """
                    CREATE TABLE bundles (
                        mission_id TEXT NOT NULL REFERENCES missions(id),
                        version INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        bytes BLOB NOT NULL,
                        published_at TEXT NOT NULL,
                        published_by TEXT NOT NULL,
                        PRIMARY KEY (mission_id, version)
                    )""",
                    """
                    CREATE TABLE reports (
                        report_id TEXT PRIMARY KEY,
                        mission_id TEXT NOT NULL REFERENCES missions(id),
                        device_key_id TEXT NOT NULL REFERENCES devices(key_id),
                        sealed BLOB NOT NULL,
                        sealed_sha256 TEXT NOT NULL,
                        received_at TEXT NOT NULL,
                        log_position INTEGER NOT NULL UNIQUE,
                        signed_envelope BLOB NOT NULL,
                        receipt BLOB NOT NULL,
                        sequence INTEGER NOT NULL,
                        previous_hash TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        category TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        tlp TEXT NOT NULL,
                        occurred_at TEXT NOT NULL,
                        place TEXT NOT NULL,
                        description TEXT NOT NULL
                    )""",
                    "CREATE INDEX reports_mission ON reports(mission_id, log_position)",
                    "CREATE INDEX reports_device ON reports(device_key_id, sequence)",
                    """
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        detail TEXT NOT NULL
                    )"""),
            // 2: the incident fields of protocol issue 4 and the attachments. Reports received before
            // have none of them: false, empty, NULL (no time out of sight recorded), no attachment.
            sql(
                    "ALTER TABLE reports ADD COLUMN approximate INTEGER NOT NULL DEFAULT 0 "
                            + "CHECK (approximate IN (0, 1))",
                    "ALTER TABLE reports ADD COLUMN device TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE reports ADD COLUMN actions_taken TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE reports ADD COLUMN ongoing INTEGER NOT NULL DEFAULT 0 CHECK (ongoing IN (0, 1))",
                    "ALTER TABLE reports ADD COLUMN out_of_sight_minutes INTEGER",
                    "ALTER TABLE reports ADD COLUMN accounts TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE reports ADD COLUMN amends TEXT NOT NULL DEFAULT ''",
                    "CREATE INDEX reports_amends ON reports(mission_id, amends)",
                    """
                    CREATE TABLE attachments (
                        report_id TEXT NOT NULL REFERENCES reports(report_id),
                        position INTEGER NOT NULL CHECK (position >= 1),
                        name TEXT NOT NULL,
                        media_type TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (report_id, position)
                    )"""),
            // 3: instants as UTC epoch milliseconds (INTEGER columns named *_ms) instead of ISO text, which
            // sorted "…00.5Z" before "…00Z"; the incident's time also as milliseconds and offset.
            InstantColumns::migrate
    );

    private Schema() {
    }

    private static Migration sql(String... statements) {
        return c -> {
            try (Statement statement = c.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        };
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }
}
