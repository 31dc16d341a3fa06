package be.carnet.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.Severity;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.enrolment.IssuedCode;
import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.report.AttachmentInfo;
import be.carnet.server.report.ReportDetail;
import be.carnet.server.report.ReportQueries;
import be.carnet.server.report.ReportSummary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made by an earlier server is brought to the latest schema at start, keeping every row. */
class SchemaMigrationTest {

    private static final String REPORT_ID = "3b0e7c52-7f4d-4d8e-b1a2-9c6f0e5d4a11";

    @TempDir
    Path data;

    /** Writes {@code agency.db} as a server at schema version 1 left it: one mission, one device, one report. */
    private void writeVersionOneDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE));
             Statement statement = c.createStatement()) {
            Schema.MIGRATIONS.get(0).apply(c);
            statement.execute("PRAGMA user_version = 1");
            statement.execute("INSERT INTO missions VALUES ('m-1', 'Mission', 'Shanghai', 'AGE-SECRET-KEY-1X', "
                    + "'age1x', '2026-11-01T00:00:00Z')");
            statement.execute("INSERT INTO enrolment_codes VALUES ('code-hash', 'm-1', 'Delegate', "
                    + "'2026-11-01T00:00:00Z', '2026-11-15T00:00:00Z', '2026-11-02T00:00:00Z', '24f6ed6acbfe1009')");
            statement.execute("INSERT INTO devices VALUES ('24f6ed6acbfe1009', 'm-1', 'Delegate', 'signing', 'age1d', "
                    + "'2026-11-02T00:00:00Z', 'code-hash')");
            statement.execute("INSERT INTO reports VALUES ('" + REPORT_ID + "', 'm-1', '24f6ed6acbfe1009', x'00', "
                    + "'" + "ab".repeat(32) + "', '2026-11-28T09:00:00Z', 1, x'01', x'02', 1, '"
                    + Report.FIRST_PREVIOUS_HASH + "', '2026-11-28T08:59:00Z', 'T03', 'S2', 'AMBER', "
                    + "'2026-11-27T22:15+08:00', 'Hôtel', 'Le portable a bougé.')");
        }
    }

    /**
     * Adds to the version-one database what sorts wrongly as text: a second mission created half a second
     * after the first ("…00.500Z" sorts before "…00Z"), an unused code, an audit line and a bundle.
     */
    private void addRowsWhoseTextSortsWrongly() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE));
             Statement statement = c.createStatement()) {
            X25519Identity later = X25519Identity.generate();
            statement.execute("INSERT INTO missions VALUES ('m-2', 'Later', 'Beijing', '" + later.encoded() + "', '"
                    + later.recipient().encoded() + "', '2026-11-01T00:00:00.500Z')");
            X25519Identity first = X25519Identity.generate();
            statement.execute("UPDATE missions SET mission_identity = '" + first.encoded() + "', mission_recipient = '"
                    + first.recipient().encoded() + "' WHERE id = 'm-1'");
            statement.execute("INSERT INTO enrolment_codes VALUES ('code-2', 'm-1', 'Second', "
                    + "'2026-11-01T00:00:00.250Z', '2026-12-01T00:00:00.250Z', NULL, NULL)");
            statement.execute("INSERT INTO staff VALUES ('admin', '$argon2id$x', 'admin', '2026-10-31T23:59:59.999Z')");
            statement.execute("INSERT INTO audit (at, actor, action, detail) VALUES "
                    + "('2026-11-28T09:00:00.001Z', 'admin', 'login', 'role admin')");
            statement.execute("INSERT INTO bundles VALUES ('m-1', 1, 'ab', x'00', '2026-11-03T10:00:00Z', 'admin')");
        }
    }

    @Test
    void aVersionTwoDatabaseKeepsEveryInstantAsUtcMillisecondsThatSortCorrectly() throws SQLException {
        writeVersionOneDatabase();
        addRowsWhoseTextSortsWrongly();

        try (Database database = Database.open(data)) {
            List<String> newestFirst = new MissionService(database, Clock.systemUTC()).list().stream()
                    .map(Mission::id).toList();
            List<IssuedCode> codes = new EnrolmentService(database, new MissionService(database,
                    Clock.systemUTC()), null, Clock.systemUTC()).codes("m-1");

            assertEquals(List.of("m-2", "m-1"), newestFirst);
            assertEquals(Instant.parse("2026-11-01T00:00:00.500Z"),
                    new MissionService(database, Clock.systemUTC()).find("m-2").orElseThrow().createdAt());
            assertEquals(List.of(
                    new IssuedCode("Delegate", Instant.parse("2026-11-01T00:00:00Z"),
                            Instant.parse("2026-11-15T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")),
                    new IssuedCode("Second", Instant.parse("2026-11-01T00:00:00.250Z"),
                            Instant.parse("2026-12-01T00:00:00.250Z"), null)), codes);
            assertEquals("1795788900000|28800|2026-11-27T22:15+08:00", text(database, "SELECT occurred_at_ms || '|' "
                    + "|| occurred_offset_seconds || '|' || occurred_at FROM reports"));
            assertEquals("1795856400000|1795856340000", text(database,
                    "SELECT received_at_ms || '|' || created_at_ms FROM reports"));
            assertEquals("1793491199999", text(database, "SELECT created_at_ms FROM staff"));
            assertEquals("1793700000000", text(database, "SELECT published_at_ms FROM bundles"));
            assertEquals(List.of(new AuditLog.Entry(Instant.parse("2026-11-28T09:00:00.001Z"), "admin", "login",
                    "role admin")), AuditLog.latest(database, 10));
            assertEquals("ok", text(database, "PRAGMA integrity_check"));
            assertNull(text(database, "PRAGMA foreign_key_check"));
            assertEquals("1", text(database, "PRAGMA foreign_keys"));
        }
    }

    @Test
    void aStoredTimeThatIsNotAnInstantStopsTheMigrationNamingItAndChangesNothing() throws SQLException {
        writeVersionOneDatabase();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE));
             Statement statement = c.createStatement()) {
            statement.execute("UPDATE devices SET enrolled_at = 'yesterday'");
        }

        StorageException e = assertThrows(StorageException.class, () -> Database.open(data));

        assertEquals("schema migration 3: devices row 24f6ed6acbfe1009, column enrolled_at: the stored time is not an "
                + "ISO 8601 instant; the database was not changed", e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE));
             Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            rows.next();
            assertEquals(2, rows.getInt(1));
        }
    }

    @Test
    void anUnreadableOccurredAtIsKeptAsWrittenWithoutAnInstant() throws SQLException {
        writeVersionOneDatabase();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE));
             Statement statement = c.createStatement()) {
            statement.execute("UPDATE reports SET occurred_at = 'hier soir'");
        }

        try (Database database = Database.open(data)) {
            assertEquals("hier soir||", text(database, "SELECT occurred_at || '|' || COALESCE(occurred_at_ms, '') "
                    + "|| '|' || COALESCE(occurred_offset_seconds, '') FROM reports"));
        }
    }

    private String text(Database database, String sql) {
        return database.read(c -> {
            try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    @Test
    void aVersionOneDatabaseIsUpgradedAndItsReportsGetTheDefaults() throws SQLException {
        writeVersionOneDatabase();

        try (Database database = Database.open(data)) {
            ReportDetail report = new ReportQueries(database).find("m-1", REPORT_ID).orElseThrow();
            List<ReportSummary> list = new ReportQueries(database).list("m-1");

            assertEquals(String.valueOf(Schema.latestVersion()), text(database, "PRAGMA user_version"));
            assertEquals("0|0|||||", text(database, "SELECT approximate || '|' || ongoing || '|' || device || '|' "
                    + "|| actions_taken || '|' || accounts || '|' || amends || '|' || "
                    + "COALESCE(out_of_sight_minutes, '') FROM reports"));
            assertEquals("Le portable a bougé.", report.description());
            assertEquals(false, report.approximate());
            assertEquals(false, report.ongoing());
            assertEquals("", report.tripDevice());
            assertEquals("", report.actionsTaken());
            assertEquals("", report.accounts());
            assertEquals("", report.amends());
            assertNull(report.outOfSightMinutes());
            assertNull(report.amended());
            assertEquals(List.of(), report.addenda());
            assertEquals(List.of(), report.attachments());
            assertEquals(List.of(new ReportSummary(REPORT_ID, "Delegate", Category.T03, Severity.S2,
                    Instant.parse("2026-11-28T09:00:00Z"), 1, false, 0)), list);
        }
    }

    @Test
    void anUpgradedDatabaseTakesAttachmentsForItsOldReports() throws SQLException {
        writeVersionOneDatabase();

        try (Database database = Database.open(data)) {
            database.transaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO attachments VALUES (?, 1, 'a.txt', "
                        + "'text/plain', 1, ?, x'41')")) {
                    insert.setString(1, REPORT_ID);
                    insert.setString(2, "cd".repeat(32));
                    insert.executeUpdate();
                }
                return null;
            });

            assertEquals(List.of(new AttachmentInfo(1, "a.txt", "text/plain", 1, "cd".repeat(32))),
                    new ReportQueries(database).find("m-1", REPORT_ID).orElseThrow().attachments());
        }
    }

    @Test
    void anAttachmentMustBelongToAStoredReport() throws SQLException {
        writeVersionOneDatabase();

        try (Database database = Database.open(data)) {
            StorageException e = assertThrows(StorageException.class,
                    () -> database.transaction(c -> {
                        try (Statement statement = c.createStatement()) {
                            statement.execute("INSERT INTO attachments VALUES ('no-such-report', 1, 'a', 'text/plain', "
                                    + "1, '', x'41')");
                        }
                        return null;
                    }));

            assertEquals("database transaction failed: [SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key constraint "
                    + "failed (FOREIGN KEY constraint failed)", e.getMessage());
        }
    }
}
