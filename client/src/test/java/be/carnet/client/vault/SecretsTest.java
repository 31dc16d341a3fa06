package be.carnet.client.vault;

import be.carnet.client.storage.Database;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void storesAndReadsASealedValue() {
        VaultKey key = VaultKey.generate();
        try (Database database = Database.open(dir.resolve("vault.db"))) {
            database.write(c -> {
                Secrets.put(c, key, "checklist", "[\"a/b\"]".getBytes(UTF_8));
                return null;
            });

            byte[] read = database.read(c -> Secrets.get(c, key, "checklist")).orElseThrow();

            assertEquals("[\"a/b\"]", new String(read, UTF_8));
        }
    }

    @Test
    void aCiphertextCopiedToAnotherRowFailsToDecrypt() {
        VaultKey key = VaultKey.generate();
        try (Database database = Database.open(dir.resolve("vault.db"))) {
            database.write(c -> {
                Secrets.put(c, key, "enrolment", "the enrolment".getBytes(UTF_8));
                Secrets.put(c, key, "checklist", "[]".getBytes(UTF_8));
                try (PreparedStatement copy = c.prepareStatement(
                        "UPDATE secrets SET value = (SELECT value FROM secrets WHERE name = 'enrolment') WHERE name = 'checklist'")) {
                    copy.executeUpdate();
                }
                return null;
            });

            CellTamperedException e = assertThrows(CellTamperedException.class,
                    () -> database.read(c -> Secrets.get(c, key, "checklist")));

            assertEquals("the value stored at secrets|checklist|value does not decrypt: it was altered or does not"
                    + " belong there", e.getMessage());
        }
    }
}
