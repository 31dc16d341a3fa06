package be.carnet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.carnet.client.storage.Database;
import be.carnet.client.web.WebFixture;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder is its owner's alone: the folder 0700, the vault database, its side files and the key
 * file 0600, whatever the umask. POSIX only: on Windows the profile's ACLs apply and these tests are skipped.
 */
class FilePermissionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only (Windows relies on the profile's ACLs)");
    }

    @Test
    void aNewVaultIsReadableByItsOwnerOnly() throws IOException {
        Path data = dir.resolve("carnet");

        try (WebFixture web = WebFixture.started(data)) {
            web.setUp();
            web.browser.post("/incidents", WebFixture.incident("écrit pendant le test"));

            assertEquals("rwx------", permissions(data));
            assertEquals("rw-------", permissions(data.resolve(TravellerApp.DATABASE_FILE)));
            assertEquals("rw-------", permissions(data.resolve(TravellerApp.DATABASE_FILE + "-wal")));
            assertEquals("rw-------", permissions(data.resolve(TravellerApp.DATABASE_FILE + "-shm")));
            assertEquals("rw-------", permissions(data.resolve(TravellerApp.KEY_FILE)));
        }
    }

    @Test
    void theDatabaseRecreatedByThePanicWipeIsReadableByItsOwnerOnly() throws IOException {
        try (WebFixture web = WebFixture.started(dir)) {
            web.setUp();

            web.browser.post("/wipe", Map.of("confirm", "EFFACER"));

            assertEquals("rw-------", permissions(dir.resolve(TravellerApp.DATABASE_FILE)));
        }
    }

    @Test
    void aDatabaseLeftWiderByAnOlderCarnetIsNarrowedWhenOpened() throws IOException {
        Path file = dir.resolve(TravellerApp.DATABASE_FILE);
        Database.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (Database database = Database.open(file)) {
            assertEquals("rw-------", permissions(file));
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
