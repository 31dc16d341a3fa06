package be.carnet.protocol.age;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.ExternalTool;
import be.carnet.protocol.Randomness;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Damaged and malformed age files: each is refused with a clear error and releases no plaintext. */
class AgeHostileInputTest {

    private static final X25519Identity IDENTITY = X25519Identity.generate();
    /** Three chunks: 64 KiB, 64 KiB, 100 bytes. */
    private static final byte[] PLAINTEXT = Randomness.bytes(2 * 65_536 + 100);
    private static final byte[] FILE = Age.encrypt(PLAINTEXT, IDENTITY.recipient());
    private static final int HEADER_END = indexOf(FILE, "\n---".getBytes(US_ASCII)) + 49;

    static Stream<Arguments> damagedFiles() {
        return Stream.of(
                Arguments.of("empty file", (UnaryOperator<byte[]>) f -> new byte[0],
                        "the age header is truncated"),
                Arguments.of("not age at all", (UnaryOperator<byte[]>) f -> "hello\n".getBytes(US_ASCII),
                        "not an age file (the first line must be age-encryption.org/v1)"),
                Arguments.of("truncated in the header", (UnaryOperator<byte[]>) f -> Arrays.copyOf(f, 40),
                        "the age header is truncated"),
                Arguments.of("truncated before the nonce", (UnaryOperator<byte[]>) f -> Arrays.copyOf(f, HEADER_END),
                        "the age payload is truncated (no nonce)"),
                Arguments.of("truncated after the nonce", (UnaryOperator<byte[]>) f -> Arrays.copyOf(f, HEADER_END + 16),
                        "the age payload is truncated"),
                Arguments.of("truncated inside the first chunk",
                        (UnaryOperator<byte[]>) f -> Arrays.copyOf(f, HEADER_END + 16 + 1000),
                        "the age payload is truncated or was altered (chunk 0)"),
                Arguments.of("last chunk dropped at a chunk boundary",
                        (UnaryOperator<byte[]>) f -> Arrays.copyOf(f, HEADER_END + 16 + 2 * (65_536 + 16)),
                        "the age payload is truncated or was altered (chunk 1)"),
                Arguments.of("character changed in the X25519 share", changeBase64(60),
                        "no identity matches this file (it was encrypted to someone else)"),
                Arguments.of("character changed in the header MAC", changeBase64(HEADER_END - 10),
                        "the age header was altered (MAC mismatch)"),
                Arguments.of("bit flipped in the first chunk", flip(HEADER_END + 16 + 5),
                        "the age payload was altered (chunk 0)"),
                Arguments.of("bit flipped in the last chunk", flip(FILE.length - 3),
                        "the age payload is truncated or was altered (chunk 2)"),
                Arguments.of("trailing garbage after the last chunk",
                        (UnaryOperator<byte[]>) f -> concat(f, new byte[] {1, 2, 3}),
                        "the age payload is truncated or was altered (chunk 2)"),
                Arguments.of("version line changed", (UnaryOperator<byte[]>) f -> replaceFirst(f, "v1", "v2"),
                        "not an age file (the first line must be age-encryption.org/v1)"),
                Arguments.of("padded base64 in the MAC line", (UnaryOperator<byte[]>) f -> insertBeforeMacEnd(f, "="),
                        "malformed header MAC: padded or invalid base64"),
                Arguments.of("space doubled in the stanza", (UnaryOperator<byte[]>) f -> replaceFirst(f, "-> X25519 ", "-> X25519  "),
                        "malformed age header: bad stanza argument"),
                Arguments.of("MAC line without a space", (UnaryOperator<byte[]>) f -> replaceFirst(f, "\n--- ", "\n---"),
                        "malformed age header: bad MAC line"),
                Arguments.of("carriage return in the header", (UnaryOperator<byte[]>) f -> replaceFirst(f, "v1\n", "v1\r\n"),
                        "malformed age header: non-printable byte"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void refusesDamagedFilesWithAClearError(String name, UnaryOperator<byte[]> damage, String message) {
        byte[] damaged = damage.apply(FILE.clone());

        AgeException e = assertThrows(AgeException.class, () -> Age.decrypt(damaged, IDENTITY));

        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void theAgeCommandRefusesTheSameFiles(String name, UnaryOperator<byte[]> damage, String message)
            throws IOException {
        java.nio.file.Path key = java.nio.file.Files.createTempFile("carnet-age", ".key");
        try {
            java.nio.file.Files.writeString(key, IDENTITY.encoded() + "\n", UTF_8);
            byte[] damaged = damage.apply(FILE.clone());

            ExternalTool.Result result = ExternalTool.run(List.of("age", "-d", "-i", key.toString()), damaged);

            assertNotEquals(0, result.exitCode(), "age accepted a file Carnet refuses: " + name);
        } finally {
            java.nio.file.Files.deleteIfExists(key);
        }
    }

    @Test
    void refusesAFileEncryptedToSomeoneElse() {
        byte[] other = Age.encrypt("secret".getBytes(UTF_8), X25519Identity.generate().recipient());

        AgeException e = assertThrows(AgeException.class, () -> Age.decrypt(other, IDENTITY));

        assertEquals("no identity matches this file (it was encrypted to someone else)", e.getMessage());
    }

    @Test
    void streamingDecryptionReleasesNoPlaintextOfTheFailedChunk() {
        byte[] damaged = flip(HEADER_END + 16 + 65_536 + 16 + 10).apply(FILE.clone());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThrows(AgeException.class,
                () -> Age.decrypt(new ByteArrayInputStream(damaged), out, List.of(IDENTITY)));

        assertEquals(65_536, out.size(), "only the verified first chunk may have been written");
        assertEquals(Arrays.toString(Arrays.copyOf(PLAINTEXT, 65_536)), Arrays.toString(out.toByteArray()));
    }

    @Test
    void refusesAWrongPassphrase() {
        byte[] encrypted = Age.encrypt("x".getBytes(UTF_8), new ScryptRecipient("right passphrase".toCharArray(), 10));

        AgeException e = assertThrows(AgeException.class,
                () -> Age.decrypt(encrypted, new ScryptIdentity("wrong passphrase".toCharArray())));

        assertEquals("the passphrase is wrong", e.getMessage());
    }

    @Test
    void refusesToMixAPassphraseWithOtherRecipients() {
        List<Recipient> recipients = List.of(new ScryptRecipient("p".toCharArray(), 10), IDENTITY.recipient());

        AgeException e = assertThrows(AgeException.class, () -> Age.encrypt(new byte[1], recipients));

        assertEquals("a passphrase recipient cannot be combined with other recipients", e.getMessage());
    }

    @Test
    void refusesAMistypedRecipient() {
        String good = IDENTITY.recipient().encoded();
        char swapped = good.charAt(10) == 'q' ? 'p' : 'q';
        String typo = good.substring(0, 10) + swapped + good.substring(11);

        AgeException e = assertThrows(AgeException.class, () -> X25519Recipient.parse(typo));

        assertEquals("the key's checksum does not match (a typing error?)", e.getMessage());
    }

    private static UnaryOperator<byte[]> flip(int position) {
        return f -> {
            f[position] ^= 0x01;
            return f;
        };
    }

    /** Replaces a base64 character of the header by another valid one, so the damage is to the value. */
    private static UnaryOperator<byte[]> changeBase64(int position) {
        return f -> {
            f[position] = (byte) (f[position] == 'A' ? 'B' : 'A');
            return f;
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] replaceFirst(byte[] file, String from, String to) {
        int at = indexOf(file, from.getBytes(US_ASCII));
        byte[] replacement = to.getBytes(US_ASCII);
        byte[] out = new byte[file.length - from.length() + replacement.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(replacement, 0, out, at, replacement.length);
        System.arraycopy(file, at + from.length(), out, at + replacement.length, file.length - at - from.length());
        return out;
    }

    private static byte[] insertBeforeMacEnd(byte[] file, String text) {
        int at = HEADER_END - 1;
        byte[] insert = text.getBytes(US_ASCII);
        byte[] out = new byte[file.length + insert.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(file, at, out, at + insert.length, file.length - at);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
