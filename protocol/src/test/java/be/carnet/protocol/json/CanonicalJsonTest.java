package be.carnet.protocol.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {

    @Test
    void sortsKeysDropsWhitespaceAndKeepsUnicodeLiteral() {
        JsonObject o = new JsonObject();
        o.addProperty("zeta", 1);
        o.addProperty("alpha", "Sûreté de l’État <b> & \"quoted\"\n");
        JsonArray list = new JsonArray();
        list.add(true);
        list.add(-42);
        o.add("mid", list);

        String text = CanonicalJson.toText(o);

        assertEquals("{\"alpha\":\"Sûreté de l’État <b> & \\\"quoted\\\"\\n\",\"mid\":[true,-42],\"zeta\":1}", text);
    }

    @Test
    void escapesControlCharactersAsLowercaseUnicode() {
        JsonObject o = new JsonObject();
        o.addProperty("k", "a\u0001b\u001fc\td");

        assertEquals("{\"k\":\"a\\u0001b\\u001fc\\td\"}", CanonicalJson.toText(o));
    }

    @Test
    void parsesWhatItWrites() {
        String text = "{\"a\":[1,{\"b\":null}],\"c\":\"é\"}";

        JsonObject parsed = CanonicalJson.parse(text.getBytes(UTF_8));

        assertEquals(text, CanonicalJson.toText(parsed));
    }

    static Stream<Arguments> nonCanonical() {
        return Stream.of(
                Arguments.of("{\"b\":1,\"a\":2}", "the document is not in canonical form"),
                Arguments.of("{\"a\": 1}", "the document is not in canonical form"),
                Arguments.of("{\"a\":1,\"a\":2}", "duplicate key \"a\""),
                Arguments.of("{\"a\":1.5}", "number 1.5 is not an integer"),
                Arguments.of("{\"a\":1e3}", "the document is not in canonical form"),
                Arguments.of("{\"a\":99999999999999999999}",
                        "number 99999999999999999999 is outside the range ±9007199254740991 (2^53−1)"),
                Arguments.of("{\"a\":9007199254740992}",
                        "number 9007199254740992 is outside the range ±9007199254740991 (2^53−1)"),
                Arguments.of("{\"a\":-9007199254740992}",
                        "number -9007199254740992 is outside the range ±9007199254740991 (2^53−1)"),
                Arguments.of("{\"a\":-9223372036854775808}",
                        "number -9223372036854775808 is outside the range ±9007199254740991 (2^53−1)"),
                Arguments.of("{\"a\":\"\\ud800\"}", "a string holds an unpaired surrogate U+D800 at index 0:"
                        + " canonical JSON strings must be well-formed Unicode"),
                Arguments.of("{\"a\":\"x\\udc00\"}", "a string holds an unpaired surrogate U+DC00 at index 1:"
                        + " canonical JSON strings must be well-formed Unicode"),
                Arguments.of("{\"a\":\"\\ud83d\\ud83d\"}", "a string holds an unpaired surrogate U+D83D at index 0:"
                        + " canonical JSON strings must be well-formed Unicode"),
                Arguments.of("{\"\\udbff\":1}", "a key holds an unpaired surrogate U+DBFF at index 0:"
                        + " canonical JSON strings must be well-formed Unicode"),
                Arguments.of("{\"a\":\"\\ud83d\\ude00\"}", "the document is not in canonical form"),
                Arguments.of("[1,2]", "the document must be a JSON object"),
                Arguments.of("{\"a\":1} ", "the document is not in canonical form"),
                Arguments.of("{\"a\":1}{}", "not valid JSON"),
                Arguments.of("{\"a\":\"\\u00e9\"}", "the document is not in canonical form"),
                Arguments.of("{'a':1}", "not valid JSON"),
                Arguments.of("{\"a\":", "not valid JSON"),
                Arguments.of("", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonCanonical")
    void refusesAnythingThatIsNotExactlyCanonical(String text, String message) {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> CanonicalJson.parse(text.getBytes(UTF_8)));

        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};

        JsonFormatException e = assertThrows(JsonFormatException.class, () -> CanonicalJson.parse(bytes));

        assertEquals("the document is not valid UTF-8", e.getMessage());
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);

        JsonFormatException e = assertThrows(JsonFormatException.class, () -> CanonicalJson.parse(deep.getBytes(UTF_8)));

        assertEquals("the document nests deeper than 32 levels", e.getMessage());
    }

    @Test
    void refusesToWriteAStringWithALoneSurrogateInsteadOfWritingAQuestionMark() {
        JsonObject o = new JsonObject();
        o.addProperty("k", "ab\ud83d");

        JsonFormatException e = assertThrows(JsonFormatException.class, () -> CanonicalJson.toBytes(o));

        assertEquals("a string holds an unpaired surrogate U+D83D at index 2: canonical JSON strings must be"
                + " well-formed Unicode", e.getMessage());
    }

    @Test
    void refusesToWriteAKeyWithALoneSurrogate() {
        JsonObject o = new JsonObject();
        o.addProperty("\ude00", 1);

        JsonFormatException e = assertThrows(JsonFormatException.class, () -> CanonicalJson.toBytes(o));

        assertEquals("a string holds an unpaired surrogate U+DE00 at index 0: canonical JSON strings must be"
                + " well-formed Unicode", e.getMessage());
    }

    @Test
    void writesAndReadsIntegersUpToTwoToThe53MinusOne() {
        JsonObject o = new JsonObject();
        o.addProperty("max", 9007199254740991L);
        o.addProperty("min", -9007199254740991L);

        byte[] bytes = CanonicalJson.toBytes(o);

        assertEquals("{\"max\":9007199254740991,\"min\":-9007199254740991}", new String(bytes, UTF_8));
        assertEquals(o, CanonicalJson.parse(bytes));
    }

    @Test
    void refusesToWriteAnIntegerBeyondTwoToThe53MinusOne() {
        JsonObject o = new JsonObject();
        o.addProperty("n", Long.MAX_VALUE);

        JsonFormatException e = assertThrows(JsonFormatException.class, () -> CanonicalJson.toBytes(o));

        assertEquals("number 9223372036854775807 is outside the range ±9007199254740991 (2^53−1)", e.getMessage());
    }

    @Test
    void refusesToWriteAFraction() {
        JsonObject o = new JsonObject();
        o.addProperty("n", 0.5);

        JsonFormatException e = assertThrows(JsonFormatException.class, () -> CanonicalJson.toBytes(o));

        assertEquals("number 0.5 is not an integer", e.getMessage());
    }
}
