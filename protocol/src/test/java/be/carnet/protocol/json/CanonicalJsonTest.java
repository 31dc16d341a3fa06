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
                Arguments.of("{\"a\":1.5}", "number 1.5 is not a 64-bit integer"),
                Arguments.of("{\"a\":1e3}", "the document is not in canonical form"),
                Arguments.of("{\"a\":99999999999999999999}", "number 99999999999999999999 is not a 64-bit integer"),
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
}
