package be.carnet.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path data;

    private static String pragma(Database database, String name) {
        return database.read(c -> {
            try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    @Test
    void aNewDatabaseIsMigratedToTheLatestSchema() {
        try (Database database = Database.open(data)) {
            assertEquals(String.valueOf(Schema.latestVersion()), pragma(database, "user_version"));
        }
    }

    @Test
    void everyConnectionIsDurableAndStrict() {
        try (Database database = Database.open(data)) {
            assertEquals("wal", pragma(database, "journal_mode"));
            assertEquals("2", pragma(database, "synchronous"));
            assertEquals("1", pragma(database, "foreign_keys"));
            assertEquals("1", pragma(database, "secure_delete"));
            assertEquals("5000", pragma(database, "busy_timeout"));
        }
    }

    @Test
    void theDatabaseFileIsReadableByItsOwnerOnly() throws IOException {
        Database.open(data).close();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("agency.db"))));
    }

    @Test
    void reopeningKeepsTheDataAndTheVersion() {
        try (Database database = Database.open(data)) {
            database.transaction(c -> {
                AuditLog.record(c, Instant.parse("2026-11-28T10:00:00Z"), "admin", "test", "kept");
                return null;
            });
        }

        try (Database database = Database.open(data)) {
            assertEquals(String.valueOf(Schema.latestVersion()), pragma(database, "user_version"));
            assertEquals(List.of(new AuditLog.Entry(Instant.parse("2026-11-28T10:00:00Z"), "admin", "test", "kept")),
                    AuditLog.latest(database, 10));
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database database = Database.open(data)) {
            assertThrows(IllegalStateException.class, () -> database.transaction(c -> {
                AuditLog.record(c, Instant.now(), "admin", "test", "rolled back");
                throw new IllegalStateException("stop");
            }));

            assertEquals(List.of(), AuditLog.latest(database, 10));
        }
    }

    @Test
    void refusesToStartOnAFileThatIsNotADatabase() throws IOException {
        Files.write(data.resolve("agency.db"), "this is not a database, just some text".repeat(200)
                .getBytes(StandardCharsets.UTF_8));

        StorageException e = assertThrows(StorageException.class, () -> Database.open(data));

        assertEquals("cannot open the database " + data.resolve("agency.db")
                + ": [SQLITE_NOTADB] File opened that is not a database file (file is not a database)", e.getMessage());
    }

    @Test
    void refusesADatabaseFromANewerServer() {
        try (Database database = Database.open(data)) {
            database.read(c -> {
                try (Statement statement = c.createStatement()) {
                    statement.execute("PRAGMA user_version = 99");
                }
                return null;
            });
        }

        StorageException e = assertThrows(StorageException.class, () -> Database.open(data));

        assertEquals("the database " + data.resolve("agency.db") + " has schema version 99, newer than this server's "
                + Schema.latestVersion() + "; use a newer server", e.getMessage());
    }
}
