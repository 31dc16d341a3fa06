package be.carnet.client.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void opensWithWalFullSyncForeignKeysAndSecureDelete() {
        try (Database database = Database.open(dir.resolve("vault.db"))) {
            assertEquals("wal", database.pragma("journal_mode"));
            assertEquals("2", database.pragma("synchronous"));
            assertEquals("1", database.pragma("foreign_keys"));
            assertEquals("1", database.pragma("secure_delete"));
        }
    }

    @Test
    void migratesANewDatabaseToTheLatestSchema() {
        try (Database database = Database.open(dir.resolve("vault.db"))) {
            assertEquals(Migrations.latestVersion(), database.schemaVersion());
        }
    }

    @Test
    void reopensAnExistingDatabaseWithoutMigratingTwice() {
        try (Database first = Database.open(dir.resolve("vault.db"))) {
            new Settings(first).put(Settings.LANGUAGE, "nl");
        }

        try (Database database = Database.open(dir.resolve("vault.db"))) {
            assertEquals("nl", new Settings(database).get(Settings.LANGUAGE).orElseThrow());
            assertEquals(Migrations.latestVersion(), database.schemaVersion());
        }
    }

    @Test
    void refusesADatabaseFromANewerCarnet() {
        try (Database database = Database.open(dir.resolve("vault.db"))) {
            database.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA user_version=99");
                }
                return null;
            });
        }

        StorageException e = assertThrows(StorageException.class, () -> Database.open(dir.resolve("vault.db")));

        assertEquals("the vault database has schema version 99, newer than this Carnet knows (2); update Carnet",
                e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Files.write(dir.resolve("vault.db"), "this is not a database, just some text padding it out".repeat(100)
                .getBytes(UTF_8));

        StorageException e = assertThrows(StorageException.class, () -> Database.open(dir.resolve("vault.db")));

        assertTrue(e.getMessage().startsWith("cannot prepare the vault database "), e.getMessage());
    }

    @Test
    void aFailedWriteChangesNothing() {
        try (Database database = Database.open(dir.resolve("vault.db"))) {

            assertThrows(IllegalStateException.class, () -> database.write(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO settings VALUES ('language', 'fr')")) {
                    insert.executeUpdate();
                }
                throw new IllegalStateException("boom after the insert");
            }));

            assertEquals(0L, (long) database.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM settings")) {
                    rows.next();
                    return rows.getLong(1);
                }
            }));
        }
    }

    @Test
    void eraseAndRecreateLeavesAnEmptyDatabase() {
        try (Database database = Database.open(dir.resolve("vault.db"))) {
            new Settings(database).put(Settings.LANGUAGE, "en");

            database.eraseAndRecreate();

            assertFalse(new Settings(database).get(Settings.LANGUAGE).isPresent());
            assertEquals(Migrations.latestVersion(), database.schemaVersion());
        }
    }
}
