package be.carnet.protocol.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of canonical JSON over generated documents. Generated values stay inside what the format
 * allows: integers within ±(2^53 − 1) (exact in every JSON reader) and strings of whole code points
 * (no lone surrogate), so the properties hold for the strict parser as well.
 */
class CanonicalJsonPropertyTest {

    /** The largest integer every JSON reader keeps exact. */
    static final long MAX_SAFE = (1L << 53) - 1;

    @Property(tries = 200)
    void parseOfWriteGivesTheSameDocument(@ForAll("documents") JsonObject document) {
        byte[] canonical = CanonicalJson.toBytes(document);

        JsonObject parsed = CanonicalJson.parse(canonical);

        assertEquals(document, parsed);
        assertArrayEquals(canonical, CanonicalJson.toBytes(parsed));
    }

    @Property(tries = 200)
    void writingIsIdempotent(@ForAll("documents") JsonObject document) {
        String once = CanonicalJson.toText(document);
        String twice = CanonicalJson.toText(CanonicalJson.parse(once.getBytes(UTF_8)));

        assertEquals(once, twice);
    }

    /**
     * One document has one byte form: replacing, inserting or deleting one byte of a canonical text
     * either is refused with {@link JsonFormatException} or parses to a different document whose
     * canonical bytes are exactly the mutated bytes. Nothing else is ever thrown.
     */
    @Property(tries = 300)
    void aMutatedCanonicalTextIsRefusedOrIsAnotherCanonicalDocument(
            @ForAll("documents") JsonObject document, @ForAll @IntRange(min = 0, max = 1 << 20) int position,
            @ForAll byte replacement, @ForAll @IntRange(min = 0, max = 2) int kind) {
        byte[] canonical = CanonicalJson.toBytes(document);
        byte[] mutated = be.carnet.protocol.Mutations.mutate(canonical, position, replacement, kind);
        if (java.util.Arrays.equals(mutated, canonical)) {
            return;
        }
        JsonObject parsed;
        try {
            parsed = CanonicalJson.parse(mutated);
        } catch (JsonFormatException refused) {
            return;
        }
        assertNotEquals(document, parsed);
        assertArrayEquals(mutated, CanonicalJson.toBytes(parsed));
    }

    /** Another spelling of the same document (Gson's pretty printing, its HTML escapes) is refused. */
    @Property(tries = 200)
    void anotherSpellingOfTheSameDocumentIsRefused(@ForAll("documents") JsonObject document,
            @ForAll boolean pretty) {
        com.google.gson.GsonBuilder builder = new com.google.gson.GsonBuilder().serializeNulls();
        String other = (pretty ? builder.setPrettyPrinting() : builder).create().toJson(document);
        if (other.equals(CanonicalJson.toText(document))) {
            return;
        }

        org.junit.jupiter.api.Assertions.assertThrows(JsonFormatException.class,
                () -> CanonicalJson.parse(other.getBytes(UTF_8)));
    }

    @Provide
    Arbitrary<JsonObject> documents() {
        return objects(3);
    }

    private Arbitrary<JsonObject> objects(int depth) {
        return Arbitraries.maps(keys(), values(depth - 1)).ofMaxSize(5).map(CanonicalJsonPropertyTest::object);
    }

    private Arbitrary<JsonElement> values(int depth) {
        Arbitrary<JsonElement> leaves = Arbitraries.oneOf(
                Arbitraries.longs().between(-MAX_SAFE, MAX_SAFE).map(n -> (JsonElement) new JsonPrimitive(n)),
                Arbitraries.of(-MAX_SAFE, -1L, 0L, 1L, MAX_SAFE).map(n -> (JsonElement) new JsonPrimitive(n)),
                strings().map(s -> (JsonElement) new JsonPrimitive(s)),
                Arbitraries.of(true, false).map(b -> (JsonElement) new JsonPrimitive(b)),
                Arbitraries.just((JsonElement) JsonNull.INSTANCE));
        if (depth <= 0) {
            return leaves;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, leaves),
                net.jqwik.api.Tuple.of(1, objects(depth).map(o -> (JsonElement) o)),
                net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4)
                        .map(CanonicalJsonPropertyTest::array)));
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                strings());
    }

    /**
     * Strings of whole code points: ASCII (controls, quotes and backslashes included), accented
     * letters, right-to-left letters, and characters outside the BMP written as surrogate pairs.
     */
    static Arbitrary<String> strings() {
        Arbitrary<String> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 0x7f)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x7ff)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x800, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)))
                .map(Character::toString);
        return codePoint.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    private static JsonObject object(Map<String, JsonElement> members) {
        JsonObject o = new JsonObject();
        members.forEach(o::add);
        return o;
    }

    private static JsonElement array(List<JsonElement> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }
}
