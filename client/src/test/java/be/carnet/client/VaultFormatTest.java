package be.carnet.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.agency.FakeAgency;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.sign.Ed25519KeyPair;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/formats.md section 17, re-implemented from its text with BouncyCastle's primitives and plain JDBC
 * only, against a vault the app wrote: if the code and the section part, this fails.
 */
class VaultFormatTest {

    /** A duress passphrase typed in decomposed form (e + U+0301): the app derives from its NFC form. */
    private static final String DURESS = "cafe\u0301 au lait du matin";

    @TempDir
    Path dir;

    private ServiceFixture app;
    private FakeAgency agency;

    @BeforeEach
    void start() throws Exception {
        app = ServiceFixture.created(dir);
        agency = new FakeAgency(app.clock);
        app.vault.setDuress(ServiceFixture.PASSPHRASE, DURESS, DURESS);
        app.enrol(agency);
        app.journal.save(ServiceFixture.incident("premier"));
        app.journal.save(ServiceFixture.incident("avec photo").withAttachments(
                List.of(new Attachment("chambre 1204.jpg", "image/jpeg", new byte[] {1, 2, 3, 4}))));
        app.sync.syncAll();
    }

    @AfterEach
    void stop() {
        agency.close();
        app.close();
    }

    // --- section 17.2, from the text ---

    private JsonObject keyFile() throws Exception {
        byte[] file = Files.readAllBytes(dir.resolve("vault.key"));
        assertTrue(file.length <= 4096);
        assertEquals('\n', file[file.length - 1], "vault.key ends with one LF");
        return JsonParser.parseString(new String(file, 0, file.length - 1, UTF_8)).getAsJsonObject();
    }

    private static byte[] argon2id(String passphrase, JsonObject keyFile) {
        byte[] password = Normalizer.normalize(passphrase, Normalizer.Form.NFC).getBytes(UTF_8);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(keyFile.get("memoryKiB").getAsInt())
                .withIterations(keyFile.get("iterations").getAsInt())
                .withParallelism(keyFile.get("parallelism").getAsInt())
                .withSalt(Base64.getDecoder().decode(keyFile.get("salt").getAsString()))
                .build());
        byte[] out = new byte[32];
        generator.generateBytes(password, out);
        return out;
    }

    // --- section 17.3, from the text ---

    private static byte[] open(byte[] key, byte[] sealed, String associatedData) throws InvalidCipherTextException {
        assertEquals(1, sealed[0], "version byte");
        ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
        cipher.init(false, new AEADParameters(new KeyParameter(key), 128, Arrays.copyOfRange(sealed, 1, 13),
                associatedData.getBytes(UTF_8)));
        byte[] out = new byte[cipher.getOutputSize(sealed.length - 13)];
        int written = cipher.processBytes(sealed, 13, sealed.length - 13, out, 0);
        cipher.doFinal(out, written);
        return out;
    }

    private byte[] vaultKey() throws Exception {
        JsonObject file = keyFile();
        byte[] sealedKey = Base64.getDecoder().decode(file.get("key").getAsString());
        String associatedData = "carnet.vault-key/2|argon2id|" + file.get("memoryKiB").getAsInt() + "|"
                + file.get("iterations").getAsInt() + "|" + file.get("parallelism").getAsInt() + "|"
                + file.get("salt").getAsString();
        assertEquals(61, sealedKey.length);
        return open(argon2id(ServiceFixture.PASSPHRASE, file), sealedKey, associatedData);
    }

    /** Every sealed cell, opened at the address section 17.4 gives it: "table|row|column" to plaintext. */
    private Map<String, byte[]> openEveryCell(byte[] key) throws Exception {
        Map<String, byte[]> cells = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vault.db"));
             Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT name, value FROM secrets")) {
                while (rows.next()) {
                    String address = "secrets|" + rows.getString(1) + "|value";
                    cells.put(address, open(key, rows.getBytes(2), address));
                }
            }
            openColumns(s, key, cells, "incidents", "fields_sealed", "signed_sealed", "report_sealed",
                    "receipt_sealed");
            openColumns(s, key, cells, "drafts", "fields_sealed");
            openColumns(s, key, cells, "attachments", "data_sealed");
        }
        return cells;
    }

    private static void openColumns(Statement s, byte[] key, Map<String, byte[]> cells, String table, String... columns)
            throws SQLException, InvalidCipherTextException {
        try (ResultSet rows = s.executeQuery("SELECT id, " + String.join(", ", columns) + " FROM " + table)) {
            while (rows.next()) {
                for (int i = 0; i < columns.length; i++) {
                    byte[] sealed = rows.getBytes(i + 2);
                    if (sealed != null) {
                        String address = table + "|" + rows.getLong(1) + "|" + columns[i];
                        cells.put(address, open(key, sealed, address));
                    }
                }
            }
        }
    }

    private static List<String> members(JsonObject o) {
        return new ArrayList<>(o.keySet());
    }

    @Test
    void theKeyFileHasTheDocumentedMembersInOrderAndOpensAsDescribed() throws Exception {
        JsonObject file = keyFile();

        byte[] key = vaultKey();

        assertEquals(List.of("format", "kdf", "memoryKiB", "iterations", "parallelism", "salt", "key", "duress"),
                members(file));
        assertEquals("carnet.vault-key/2", file.get("format").getAsString());
        assertEquals("argon2id", file.get("kdf").getAsString());
        assertEquals(16, Base64.getDecoder().decode(file.get("salt").getAsString()).length);
        assertEquals(32, key.length);
    }

    @Test
    void theDuressVerifierIsTheHashOfThePrefixAndTheDuressPassphrasesArgon2idOutput() throws Exception {
        JsonObject file = keyFile();
        byte[] derived = argon2id(DURESS, file);
        byte[] input = new byte[22 + 32];
        System.arraycopy("carnet.vault-duress/1|".getBytes(UTF_8), 0, input, 0, 22);
        System.arraycopy(derived, 0, input, 22, 32);

        byte[] verifier = Base64.getDecoder().decode(file.get("duress").getAsString());

        assertArrayEquals(Hashes.sha256(input), verifier);
    }

    @Test
    void aCellOpensOnlyAtItsOwnAddress() throws Exception {
        byte[] key = vaultKey();
        byte[] sealed;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vault.db"));
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT signed_sealed FROM incidents WHERE sequence = 1")) {
            rows.next();
            sealed = rows.getBytes(1);
        }

        assertThrows(InvalidCipherTextException.class, () -> open(key, sealed, "incidents|1|report_sealed"));
        assertThrows(InvalidCipherTextException.class, () -> open(key, sealed, "incidents|2|signed_sealed"));
        assertEquals('{', open(key, sealed, "incidents|1|signed_sealed")[0]);
    }

    @Test
    void everySealedCellOpensAtTheAddressTheDocumentGivesAndHoldsTheDocumentedLayout() throws Exception {
        Map<String, byte[]> cells = openEveryCell(vaultKey());

        JsonObject enrolment = json(cells.get("secrets|enrolment|value"));
        assertEquals(List.of("format", "server", "missionId", "missionName", "alias", "deviceSeed", "deviceIdentity",
                "agencyKey", "reportRecipient", "missionKey", "enrolledAt"), members(enrolment));
        assertEquals("carnet.client.enrolment/1", enrolment.get("format").getAsString());
        Ed25519KeyPair device = Ed25519KeyPair.fromSeed(
                Base64.getDecoder().decode(enrolment.get("deviceSeed").getAsString()));
        assertTrue(enrolment.get("deviceIdentity").getAsString().startsWith("AGE-SECRET-KEY-1"));
        assertTrue(enrolment.get("missionKey").getAsString().startsWith("AGE-SECRET-KEY-1"));
        assertTrue(enrolment.get("reportRecipient").getAsString().startsWith("age1"));

        byte[] signedLast = cells.get("incidents|2|signed_sealed");
        JsonObject head = json(cells.get("secrets|journal-head|value"));
        assertEquals(List.of("sequence", "signedSha256"), members(head));
        assertEquals(2, head.get("sequence").getAsLong());
        assertEquals(Hashes.sha256Hex(signedLast), head.get("signedSha256").getAsString());
        assertEquals(device.publicKey().keyId(), json(signedLast).get("signer").getAsString());

        JsonObject fields = json(cells.get("incidents|2|fields_sealed"));
        assertEquals(List.of("incident", "createdAt", "zone", "files"), members(fields));
        assertEquals(0, fields.getAsJsonObject("incident").getAsJsonArray("attachments").size());
        JsonArray files = fields.getAsJsonArray("files");
        JsonObject file = files.get(0).getAsJsonObject();
        assertEquals(List.of("rowId", "name", "mediaType", "size", "sha256"), members(file));
        byte[] data = cells.get("attachments|" + file.get("rowId").getAsLong() + "|data_sealed");
        assertArrayEquals(new byte[] {1, 2, 3, 4}, data);
        assertEquals(Hashes.sha256Hex(data), file.get("sha256").getAsString());

        byte[] receipt = cells.get("incidents|1|receipt_sealed");
        assertEquals(agency.signingKey.publicKey().keyId(), json(receipt).get("signer").getAsString());
        assertTrue(cells.keySet().stream().noneMatch(a -> a.startsWith("secrets|enrolment-attempt|")),
                "the attempt is deleted when the enrolment is stored");
    }

    private static JsonObject json(byte[] bytes) {
        return JsonParser.parseString(new String(bytes, UTF_8)).getAsJsonObject();
    }
}
