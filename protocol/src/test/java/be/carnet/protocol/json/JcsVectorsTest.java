package be.carnet.protocol.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.Hashes;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Carnet's canonical JSON is a strict subset of RFC 8785 (JCS), formats.md 2: for every document inside the
 * subset (integers within ±(2^53−1), well-formed strings, an object at the top) it writes exactly JCS's bytes,
 * and its strict reader accepts JCS's output. The vectors are RFC 8785's examples (3.2.3, 3.2.4, appendix B)
 * and the test data of its reference implementation (github.com/cyberphone/json-canonicalization, testdata),
 * written out here by hand; the inputs are read with a lenient JSON parser, as JCS takes any JSON.
 */
class JcsVectorsTest {

    static Stream<Arguments> insideTheSubset() {
        return Stream.of(
                Arguments.of("RFC 8785 3.2.3 (sorting by UTF-16 code units)",
                        "{\n  \"\\u20ac\": \"Euro Sign\",\n  \"\\r\": \"Carriage Return\",\n"
                                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"1\": \"One\",\n"
                                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n  \"\\u0080\": \"Control\",\n"
                                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n}",
                        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}"),
                Arguments.of("RFC 8785 3.2.4, its strings and literals",
                        "{\n  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                                + "  \"literals\": [null, true, false]\n}",
                        "{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}"),
                Arguments.of("testdata french.json (no locale in sorting)",
                        "{\n  \"peach\": \"This sorting order\",\n  \"p\u00e9ch\u00e9\": \"is wrong according to French\",\n"
                                + "  \"p\u00eache\": \"but canonicalization MUST\",\n  \"sin\":   \"ingnore locale\"\n}\n",
                        "{\"peach\":\"This sorting order\",\"p\u00e9ch\u00e9\":\"is wrong according to French\","
                                + "\"p\u00eache\":\"but canonicalization MUST\",\"sin\":\"ingnore locale\"}"),
                Arguments.of("testdata structures.json (56.0 is the integer 56)",
                        "{\n  \"1\": {\"f\": {\"f\": \"hi\",\"F\": 5} ,\"\\n\": 56.0},\n  \"10\": { },\n"
                                + "  \"\": \"empty\",\n  \"a\": { },\n  \"111\": [ { } ],\n  \"A\": { }\n}",
                        "{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{}],"
                                + "\"A\":{},\"a\":{}}"),
                Arguments.of("testdata unicode.json (no normalisation)",
                        "{\n  \"Unnormalized Unicode\":\"\\u1e0d\\u0307\"\n}\n",
                        "{\"Unnormalized Unicode\":\"\u1e0d\u0307\"}"),
                Arguments.of("testdata weird.json",
                        "{\n  \"\\u20ac\": \"Euro Sign\",\n  \"1\": \"One\",\n  \"\\u0080\": \"Control\\u007f\",\n"
                                + "  \"\\ud83d\\ude02\": \"Smiley\",\n  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\",\n"
                                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
                                + "  \"</script>\": \"Browser Challenge\"\n}\n",
                        "{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\","
                                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                                + "\"\ud83d\ude02\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}"),
                Arguments.of("RFC 8785 appendix B: zero and minus zero are 0",
                        "{\"z\": 0, \"m\": -0.0}", "{\"m\":0,\"z\":0}"),
                Arguments.of("the largest integers of the subset, 2^53-1 either way",
                        "{\"max\": 9007199254740991, \"min\": -9007199254740991}",
                        "{\"max\":9007199254740991,\"min\":-9007199254740991}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insideTheSubset")
    void writesExactlyWhatJcsWritesAndReadsItBack(String name, String input, String jcsOutput) {
        JsonElement document = JsonParser.parseString(input);

        byte[] written = CanonicalJson.toBytes(document);

        assertEquals(jcsOutput, new String(written, UTF_8));
        assertEquals(jcsOutput, CanonicalJson.toText(CanonicalJson.parse(jcsOutput.getBytes(UTF_8))));
    }

    @Test
    void writesJcssArraysVectorButReadsOnlyObjects() {
        JsonElement document = JsonParser.parseString("[\n  56,\n  {\n    \"d\": true,\n    \"10\": null,\n    \"1\": [ ]\n  }\n]");

        String written = CanonicalJson.toText(document);

        assertEquals("[56,{\"1\":[],\"10\":null,\"d\":true}]", written);
        assertEquals("the document must be a JSON object", assertThrows(JsonFormatException.class,
                () -> CanonicalJson.parse(written.getBytes(UTF_8))).getMessage());
    }

    static Stream<Arguments> outsideTheSubset() {
        return Stream.of(
                Arguments.of("testdata values.json (fractions and exponents)",
                        "{\"escaping\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"literals\":[null,true,false],"
                                + "\"numbers\":[1e+30,4.5,333333333.3333333,0.002,1e-27]}",
                        "number 1e+30 is outside the range ±9007199254740991 (2^53−1)"),
                Arguments.of("RFC 8785 appendix B: 2^53", "{\"n\":9007199254740992}",
                        "number 9007199254740992 is outside the range ±9007199254740991 (2^53−1)"),
                Arguments.of("RFC 8785 appendix B: -2^53", "{\"n\":-9007199254740992}",
                        "number -9007199254740992 is outside the range ±9007199254740991 (2^53−1)"),
                Arguments.of("RFC 8785 appendix B: 295147905179352830000", "{\"n\":295147905179352830000}",
                        "number 295147905179352830000 is outside the range ±9007199254740991 (2^53−1)"),
                Arguments.of("RFC 8785 appendix B: 5e-324", "{\"n\":5e-324}", "number 5e-324 is not an integer"),
                Arguments.of("RFC 8785 appendix B: 0.000001", "{\"n\":0.000001}", "number 0.000001 is not an integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outsideTheSubset")
    void refusesJcsDocumentsOutsideTheSubsetInsteadOfRewritingThem(String name, String jcsOutput, String message) {
        JsonFormatException read = assertThrows(JsonFormatException.class,
                () -> CanonicalJson.parse(jcsOutput.getBytes(UTF_8)));
        JsonObject lenient = JsonParser.parseString(jcsOutput).getAsJsonObject();
        JsonFormatException written = assertThrows(JsonFormatException.class, () -> CanonicalJson.toBytes(lenient));

        assertEquals(message, read.getMessage());
        assertEquals(message, written.getMessage());
    }

    @Test
    void theTestVectorOfFormatsSection24IsCanonicalAndItsOwnJcsForm() {
        String vector = "{\"Z\":1,\"a\":-9007199254740991,\"b\":\"tab\\t \\\"q\\\" \\\\ / \u00e9 \u20ac \\u0001 \ud83d\ude00"
                + " </script>\",\"c\":[null,{},[]],\"\u00e9\":true,\"\ud83d\ude00\":3,\"\uff21\":2}";
        byte[] bytes = vector.getBytes(UTF_8);

        String rewritten = CanonicalJson.toText(CanonicalJson.parse(bytes));

        assertEquals(vector, rewritten);
        assertEquals(vector, CanonicalJson.toText(JsonParser.parseString(vector)));
        assertEquals(125, bytes.length);
        assertEquals("d2d29ee3c3e813fa971c301e1404d606c26c27387eb1e216f9ee3f81ba114cef", Hashes.sha256Hex(bytes));
    }
}
