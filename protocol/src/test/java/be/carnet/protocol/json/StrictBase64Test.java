package be.carnet.protocol.json;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrictBase64Test {

    private static final String PADDING = "f must be base64 padded with = to a multiple of 4 characters";
    private static final String BITS = "f must be canonical base64: the unused bits of its last character must be zero";

    private static String alphabet(int position) {
        return "f must be standard base64 (A-Z a-z 0-9 + / and final = padding only), found another character at"
                + " position " + position;
    }

    static Stream<Arguments> canonical() {
        return Stream.of(
                Arguments.of("", ""),
                Arguments.of("Zg==", "f"),
                Arguments.of("Zm8=", "fo"),
                Arguments.of("Zm9v", "foo"),
                Arguments.of("Zm9vYg==", "foob"),
                Arguments.of("Zm9vYmE=", "fooba"),
                Arguments.of("Zm9vYmFy", "foobar"),
                Arguments.of("+/+/", "\u00fb\u00ff\u00bf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonical")
    void decodesTheCanonicalFormOfRfc4648sVectors(String text, String latin1) {
        byte[] bytes = latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertArrayEquals(bytes, StrictBase64.decode(text, "f"));
        assertEquals(text, StrictBase64.encode(bytes));
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("missing padding (2)", "Zg", PADDING),
                Arguments.of("missing padding (1)", "Zm8", PADDING),
                Arguments.of("one character", "Z", PADDING),
                Arguments.of("too much padding", "Zg===", PADDING),
                Arguments.of("padding only", "====", alphabet(0)),
                Arguments.of("three padding characters", "Z===", alphabet(1)),
                Arguments.of("padding in the middle", "Zg==Zg==", alphabet(2)),
                Arguments.of("padding inside a quantum", "Z=g=", alphabet(1)),
                Arguments.of("URL-safe alphabet", "-_-_", alphabet(0)),
                Arguments.of("line feed", "Zm9v\nYmFy", PADDING),
                Arguments.of("MIME line break", "Zm9v\r\nYm", alphabet(4)),
                Arguments.of("space", "Zm 9", alphabet(2)),
                Arguments.of("trailing space", "Zm8=    ", alphabet(3)),
                Arguments.of("non-ASCII letter", "Zm9é", alphabet(3)),
                Arguments.of("NUL", "Zm9\u0000", alphabet(3)),
                Arguments.of("stray bits after one byte (Zh==)", "Zh==", BITS),
                Arguments.of("stray bits after one byte (Z/==)", "Z/==", BITS),
                Arguments.of("stray bits after two bytes (Zm9=)", "Zm9=", BITS),
                Arguments.of("stray bits after two bytes (Zm/=)", "Zm/=", BITS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusesEveryOtherSpelling(String name, String text, String message) {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> StrictBase64.decode(text, "f"));

        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void theJdkDecoderAloneWouldHaveAcceptedSomeOfThem(String name, String text, String message) {
        // Documents why the strict reader exists: the JDK decoder accepts stray bits and missing padding.
        boolean jdkAccepts;
        try {
            java.util.Base64.getDecoder().decode(text.getBytes(US_ASCII));
            jdkAccepts = true;
        } catch (IllegalArgumentException e) {
            jdkAccepts = false;
        }

        assertEquals(name.startsWith("stray bits") || name.startsWith("missing padding"), jdkAccepts, name);
    }
}
