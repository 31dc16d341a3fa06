package be.carnet.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.Severity;
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
            for (String sql : Schema.MIGRATIONS.get(0)) {
                statement.execute(sql);
            }
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
