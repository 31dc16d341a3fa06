package be.carnet.protocol.age;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.ExternalTool;
import be.carnet.protocol.Randomness;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Carnet does not read (docs/formats.md section 10): armored files, post-quantum and plugin
 * recipients. Each is refused with a message that says it is not supported, not as a broken file.
 */
class AgeUnsupportedTest {

    private static final X25519Identity IDENTITY = X25519Identity.generate();
    private static final byte[] PLAINTEXT = "rendez-vous à 14 h".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String ARMORED = "armored age files (-----BEGIN AGE ENCRYPTED FILE-----) are not supported;"
            + " give Carnet the binary age file (decode the base64 between the BEGIN and END lines)";

    /**
     * Writes a stanza of another type, as age 1.3's hybrid post-quantum recipient or a plugin would:
     * an argument and a body that Carnet cannot open.
     */
    private record ForeignRecipient(String type, int argumentBytes) implements Recipient {
        @Override
        public Stanza wrap(byte[] fileKey) {
            return new Stanza(type, List.of(Base64.getEncoder().withoutPadding()
                    .encodeToString(Randomness.bytes(argumentBytes))), Randomness.bytes(32));
        }
    }

    @Test
    void refusesAnArmoredFileMadeByTheAgeTool() {
        byte[] armored = ExternalTool.runOk(List.of("age", "-a", "-r", IDENTITY.recipient().encoded()), PLAINTEXT);
        assertTrue(new String(armored, US_ASCII).startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"));

        AgeException e = assertThrows(AgeException.class, () -> Age.decrypt(armored, IDENTITY));

        assertEquals(ARMORED, e.getMessage());
    }

    @Test
    void refusesAnArmoredFileWithWindowsLineEndsAndLeadingSpaces() {
        byte[] armored = ExternalTool.runOk(List.of("age", "-a", "-r", IDENTITY.recipient().encoded()), PLAINTEXT);
        byte[] damaged = ("  " + new String(armored, US_ASCII).replace("\n", "\r\n")).getBytes(US_ASCII);

        AgeException e = assertThrows(AgeException.class, () -> Age.decrypt(damaged, IDENTITY));

        assertEquals(ARMORED, e.getMessage());
    }

    @Test
    void refusesATruncatedArmoredFileAsArmored() {
        AgeException e = assertThrows(AgeException.class,
                () -> Age.decrypt("-----BEGIN AGE ENCRYPTED FILE-----".getBytes(US_ASCII), IDENTITY));

        assertEquals(ARMORED, e.getMessage());
    }

    @Test
    void refusesAFileForAPostQuantumRecipientOnly() {
        byte[] file = Age.encrypt(PLAINTEXT, new ForeignRecipient("mlkem768x25519", 1120));

        AgeException e = assertThrows(AgeException.class, () -> Age.decrypt(file, IDENTITY));

        assertEquals("post-quantum age recipients (mlkem768x25519) are not supported; Carnet reads files"
                + " encrypted to X25519 (age1…) or passphrase (scrypt) recipients", e.getMessage());
    }

    @Test
    void refusesAFileForUnknownRecipientTypesOnlyNamingThem() {
        byte[] file = Age.encrypt(PLAINTEXT, List.of(new ForeignRecipient("piv-p256", 33),
                new ForeignRecipient("yubikey", 16), new ForeignRecipient("piv-p256", 33)));

        AgeException e = assertThrows(AgeException.class, () -> Age.decrypt(file, IDENTITY));

        assertEquals("age recipient types (piv-p256, yubikey) are not supported; Carnet reads files"
                + " encrypted to X25519 (age1…) or passphrase (scrypt) recipients", e.getMessage());
    }

    @Test
    void stillSaysNoIdentityMatchesWhenTheFileHasAnX25519StanzaForSomeoneElse() {
        byte[] file = Age.encrypt(PLAINTEXT, List.of(new ForeignRecipient("mlkem768x25519", 1120),
                X25519Identity.generate().recipient()));

        AgeException e = assertThrows(AgeException.class, () -> Age.decrypt(file, IDENTITY));

        assertEquals("no identity matches this file (it was encrypted to someone else)", e.getMessage());
    }

    @Test
    void opensAFileThatAlsoHasAPostQuantumStanzaWhenAnX25519OneIsOurs() {
        byte[] file = Age.encrypt(PLAINTEXT, List.of(new ForeignRecipient("mlkem768x25519", 1120),
                IDENTITY.recipient()));

        assertArrayEquals(PLAINTEXT, Age.decrypt(file, IDENTITY));
    }

    @Test
    void refusesAPostQuantumRecipientString() {
        // age 1.3's hybrid recipients are age1pq1 followed by about 1,950 Bech32 characters.
        String recipient = "age1pq1" + "q".repeat(1950);

        AgeException e = assertThrows(AgeException.class, () -> X25519Recipient.parse(recipient));

        assertEquals("post-quantum age recipients (age1pq1…) are not supported;"
                + " Carnet needs an X25519 recipient (age1…, 62 characters)", e.getMessage());
    }

    @Test
    void refusesAPluginRecipientString() {
        String recipient = Bech32.encode("age1yubikey", Randomness.bytes(33));

        AgeException e = assertThrows(AgeException.class, () -> X25519Recipient.parse(recipient));

        assertEquals("age plugin recipients (age1yubikey1…) are not supported;"
                + " Carnet needs an X25519 recipient (age1…, 62 characters)", e.getMessage());
    }

    @Test
    void refusesAPostQuantumIdentityString() {
        String identity = "AGE-SECRET-KEY-PQ-1" + "Q".repeat(58);

        AgeException e = assertThrows(AgeException.class, () -> X25519Identity.parse(identity));

        assertEquals("post-quantum age identities (AGE-SECRET-KEY-PQ-1…) are not supported;"
                + " Carnet needs an X25519 identity (AGE-SECRET-KEY-1…)", e.getMessage());
    }

    @Test
    void refusesAPluginIdentityString() {
        String identity = Bech32.encode("AGE-PLUGIN-YUBIKEY-", Randomness.bytes(20)).toUpperCase(java.util.Locale.ROOT);

        AgeException e = assertThrows(AgeException.class, () -> X25519Identity.parse(identity));

        assertEquals("age plugin identities (AGE-PLUGIN-…) are not supported;"
                + " Carnet needs an X25519 identity (AGE-SECRET-KEY-1…)", e.getMessage());
    }
}
