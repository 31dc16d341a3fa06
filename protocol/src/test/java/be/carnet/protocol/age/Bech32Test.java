package be.carnet.protocol.age;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test vectors of BIP 173 ("Test vectors", Bech32) on Carnet's codec, then the age key rules on top. */
class Bech32Test {

    /** BIP 173's valid Bech32 strings, with the human-readable part each one decodes to. */
    static Stream<Arguments> bip173Valid() {
        return Stream.of(
                Arguments.of("A12UEL5L", "a"),
                Arguments.of("a12uel5l", "a"),
                Arguments.of("an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
                        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio"),
                Arguments.of("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "abcdef"),
                Arguments.of("11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j", "1"),
                Arguments.of("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "split"),
                Arguments.of("?1ezyfcl", "?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bip173Valid")
    void decodesEveryValidStringOfBip173AndEncodesItBack(String text, String hrp) {
        Bech32.Decoded decoded = Bech32.decodeValues(text);

        assertEquals(hrp, decoded.hrp());
        assertEquals(text.toLowerCase(Locale.ROOT), Bech32.encodeValues(decoded.hrp(), decoded.values()));
    }

    @Test
    void decodesTheDataOfBip173sAbcdefVectorAsTheCharsetInOrder() {
        Bech32.Decoded decoded = Bech32.decodeValues("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");

        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) {
            expected[i] = (byte) i;
        }
        assertArrayEquals(expected, decoded.values());
    }

    /** BIP 173's invalid Bech32 strings, each with BIP 173's reason and the error Carnet gives. */
    static Stream<Arguments> bip173Invalid() {
        return Stream.of(
                Arguments.of("\u0020" + "1nwldj5", "HRP character out of range",
                        "a Bech32 key holds only printable ASCII characters"),
                Arguments.of("\u007f" + "1axkwrx", "HRP character out of range",
                        "a Bech32 key holds only printable ASCII characters"),
                Arguments.of("\u0080" + "1eym55h", "HRP character out of range",
                        "a Bech32 key holds only printable ASCII characters"),
                Arguments.of("an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
                        "overall max length exceeded", "a Bech32 key is at most 90 characters"),
                Arguments.of("pzry9x0s0muk", "no separator character", "malformed Bech32 key: no separator 1"),
                Arguments.of("1pzry9x0s0muk", "empty HRP",
                        "malformed Bech32 key: the part before the separator 1 is empty"),
                Arguments.of("x1b4n0q5v", "invalid data character", "invalid character in a Bech32 key"),
                Arguments.of("li1dgmt3", "too short checksum",
                        "malformed Bech32 key: the checksum is shorter than 6 characters"),
                Arguments.of("de1lg7wt" + "\u00ff", "invalid character in checksum",
                        "a Bech32 key holds only printable ASCII characters"),
                Arguments.of("A1G7SGD8", "checksum calculated with uppercase form of HRP",
                        "the key's checksum does not match (a typing error?)"),
                Arguments.of("10a06t8", "empty HRP", "malformed Bech32 key: the part before the separator 1 is empty"),
                Arguments.of("1qzzfhee", "empty HRP", "malformed Bech32 key: the part before the separator 1 is empty"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("bip173Invalid")
    void refusesEveryInvalidStringOfBip173(String text, String bip173Reason, String message) {
        AgeException e = assertThrows(AgeException.class, () -> Bech32.decodeValues(text));

        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("bip173Invalid")
    void refusesEveryInvalidStringOfBip173ThroughTheKeyDecoderEvenWithItsOwnPrefixExpected(String text) {
        int separator = text.lastIndexOf('1');
        String hrp = separator > 0 ? text.substring(0, separator) : "a";

        assertThrows(AgeException.class, () -> Bech32.decode(text, hrp));
    }

    @Test
    void refusesMixedCase() {
        AgeException e = assertThrows(AgeException.class,
                () -> Bech32.decodeValues("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqXW"));

        assertEquals("mixed case in a Bech32 key", e.getMessage());
    }

    @Test
    void refusesNonAsciiLettersBeforeChangingCase() {
        // U+0130 lowercases to two chars in Java: it must be refused as a character, not shift the string.
        AgeException e = assertThrows(AgeException.class,
                () -> Bech32.decodeValues("a\u01302uel5l"));

        assertEquals("a Bech32 key holds only printable ASCII characters", e.getMessage());
    }

    @Test
    void refusesNonZeroPaddingWhenDecodingBytes() {
        // "a" with one 5-bit value 1: 5 bits that are not a whole byte and not zero.
        String text = Bech32.encodeValues("a", new byte[] {1});

        AgeException e = assertThrows(AgeException.class, () -> Bech32.decode(text, "a"));

        assertEquals("malformed Bech32 key padding", e.getMessage());
    }

    @Test
    void refusesAnotherHumanReadablePart() {
        String text = Bech32.encode("age", new byte[32]);

        AgeException e = assertThrows(AgeException.class, () -> Bech32.decode(text, "AGE-SECRET-KEY-"));

        assertEquals("the key must start with AGE-SECRET-KEY-1", e.getMessage());
    }

    @Test
    void carnetsKeysFitBip173sLimit() {
        X25519Identity identity = X25519Identity.generate();

        assertEquals(62, identity.recipient().encoded().length());
        assertEquals(74, identity.encoded().length());
        assertEquals(identity.recipient(), X25519Recipient.parse(identity.recipient().encoded()));
        assertArrayEquals(identity.secretBytes(), X25519Identity.parse(identity.encoded()).secretBytes());
        assertArrayEquals(identity.secretBytes(),
                X25519Identity.parse(identity.encoded().toLowerCase(Locale.ROOT)).secretBytes());
    }
}
