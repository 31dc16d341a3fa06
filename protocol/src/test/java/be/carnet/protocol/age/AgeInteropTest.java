package be.carnet.protocol.age;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import be.carnet.protocol.ExternalTool;
import be.carnet.protocol.Randomness;
import be.carnet.protocol.keys.AgencyKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte-compatibility with the real age command (Debian package age). */
class AgeInteropTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 1000, 65_535, 65_536, 65_537, 131_072, 200_000})
    void ageDecryptsWhatCarnetEncrypts(int size) throws IOException {
        Path keyFile = dir.resolve("key.txt");
        ExternalTool.runOk(List.of("age-keygen", "-o", keyFile.toString()), new byte[0]);
        X25519Identity ageMade = AgencyKeys.parseIdentityFile(Files.readString(keyFile, UTF_8));
        byte[] plaintext = Randomness.bytes(size);

        byte[] encrypted = Age.encrypt(plaintext, ageMade.recipient());
        byte[] decrypted = ExternalTool.runOk(List.of("age", "-d", "-i", keyFile.toString()), encrypted);

        assertArrayEquals(plaintext, decrypted);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 65_536, 65_537, 200_000})
    void carnetDecryptsWhatAgeEncrypts(int size) {
        X25519Identity identity = X25519Identity.generate();
        byte[] plaintext = Randomness.bytes(size);

        byte[] encrypted = ExternalTool.runOk(List.of("age", "-r", identity.recipient().encoded()), plaintext);
        byte[] decrypted = Age.decrypt(encrypted, identity);

        assertArrayEquals(plaintext, decrypted);
    }

    @Test
    void ageReadsCarnetIdentityFilesAndMultipleRecipients() throws IOException {
        X25519Identity first = X25519Identity.generate();
        X25519Identity second = X25519Identity.generate();
        Path secondFile = dir.resolve("second.txt");
        Files.writeString(secondFile, "# a Carnet identity\n" + second.encoded() + "\n", UTF_8);
        byte[] plaintext = "rapport de mission".getBytes(UTF_8);

        byte[] encrypted = Age.encrypt(plaintext, List.of(first.recipient(), second.recipient()));
        byte[] decrypted = ExternalTool.runOk(List.of("age", "-d", "-i", secondFile.toString()), encrypted);

        assertArrayEquals(plaintext, decrypted);
        assertArrayEquals(plaintext, Age.decrypt(encrypted, first));
    }

    @Test
    void recipientEncodingMatchesAgeKeygen() throws IOException {
        Path keyFile = dir.resolve("key.txt");
        ExternalTool.runOk(List.of("age-keygen", "-o", keyFile.toString()), new byte[0]);
        X25519Identity identity = AgencyKeys.parseIdentityFile(Files.readString(keyFile, UTF_8));

        String ageSays = new String(ExternalTool.runOk(List.of("age-keygen", "-y", keyFile.toString()), new byte[0]),
                UTF_8).strip();

        assertEquals(ageSays, identity.recipient().encoded());
    }

    @Test
    void everyEncryptionUsesAFreshFileKeyAndNonce() {
        X25519Identity identity = X25519Identity.generate();
        byte[] plaintext = "same text".getBytes(UTF_8);

        byte[] a = Age.encrypt(plaintext, identity.recipient());
        byte[] b = Age.encrypt(plaintext, identity.recipient());

        assertNotEquals(new String(a, UTF_8), new String(b, UTF_8));
    }

    @Test
    void passphraseFilesRoundTrip() {
        byte[] plaintext = IntStream.range(0, 70_000).mapToObj(i -> "x").reduce("", String::concat).getBytes(UTF_8);
        char[] passphrase = "correct horse battery staple".toCharArray();

        byte[] encrypted = Age.encrypt(plaintext, new ScryptRecipient(passphrase, 10));

        assertArrayEquals(plaintext, Age.decrypt(encrypted, new ScryptIdentity(passphrase)));
    }
}
