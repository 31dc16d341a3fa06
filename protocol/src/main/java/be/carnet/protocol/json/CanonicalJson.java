package be.carnet.protocol.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON as Carnet signs it: object keys sorted by UTF-16 code units, no whitespace, UTF-8,
 * strings escaped only where JSON requires it, numbers as integers only.
 *
 * <p>The form is a strict subset of RFC 8785 (JCS): every document this class writes or accepts is
 * byte for byte what JCS makes of it, because it holds only integers within ±(2^53−1) (where JCS's
 * ECMAScript number form is the plain decimal) and only well-formed Unicode strings.
 *
 * <p>{@link #parse(byte[])} is strict: it refuses invalid UTF-8, duplicate keys, fractions, integers
 * outside ±(2^53−1), unpaired surrogates, trailing data and anything that is not itself canonical, so
 * that one document has exactly one byte form. {@link #toBytes} refuses the same values rather than
 * writing something else. Stateless and thread-safe.
 */
public final class CanonicalJson {

    /** Upper bound on nesting, so a hostile document cannot exhaust the stack. */
    private static final int MAX_DEPTH = 32;
    /** 2^53−1: the largest integer every JSON reader (IEEE 754 doubles, JCS) holds exactly. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private CanonicalJson() {
    }

    /** The canonical bytes of {@code element}. */
    public static byte[] toBytes(JsonElement element) {
        StringBuilder out = new StringBuilder();
        write(element, out, 0);
        return out.toString().getBytes(UTF_8);
    }

    /** The canonical text of {@code element}. */
    public static String toText(JsonElement element) {
        return new String(toBytes(element), UTF_8);
    }

    /**
     * Parses {@code bytes}, which must be a canonical JSON object.
     *
     * @throws JsonFormatException naming the first rule broken
     */
    public static JsonObject parse(byte[] bytes) {
        String text = decodeUtf8(bytes);
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(com.google.gson.Strictness.STRICT);
            element = read(reader, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonFormatException("unexpected data after the JSON document");
            }
        } catch (MalformedJsonException | IllegalStateException | java.io.EOFException e) {
            throw new JsonFormatException("not valid JSON", e);
        } catch (IOException e) {
            throw new JsonFormatException("not valid JSON", e);
        }
        if (!element.isJsonObject()) {
            throw new JsonFormatException("the document must be a JSON object");
        }
        if (!toText(element).equals(text)) {
            throw new JsonFormatException("the document is not in canonical form");
        }
        return element.getAsJsonObject();
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new JsonFormatException("the document is not valid UTF-8", e);
        }
    }

    private static JsonElement read(JsonReader reader, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new JsonFormatException("the document nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = requireWellFormed(reader.nextName(), "a key");
                    if (object.has(name)) {
                        throw new JsonFormatException("duplicate key \"" + name + "\"");
                    }
                    object.add(name, read(reader, depth + 1));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY: {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader, depth + 1));
                }
                reader.endArray();
                return array;
            }
            case STRING:
                return new JsonPrimitive(requireWellFormed(reader.nextString(), "a string"));
            case NUMBER: {
                String literal = reader.nextString();
                BigDecimal number;
                try {
                    number = new BigDecimal(literal);
                } catch (NumberFormatException e) {
                    throw new JsonFormatException("number " + literal + " is not an integer", e);
                }
                return new JsonPrimitive(safeInteger(number, literal));
            }
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new JsonFormatException("unexpected " + reader.peek());
        }
    }

    private static void write(JsonElement element, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonFormatException("the document nests deeper than " + MAX_DEPTH + " levels");
        }
        if (element == null || element.isJsonNull()) {
            out.append("null");
        } else if (element.isJsonObject()) {
            List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(element.getAsJsonObject().entrySet());
            Collections.sort(entries, Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeString(entries.get(i).getKey(), out);
                out.append(':');
                write(entries.get(i).getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.get(i), out, depth + 1);
            }
            out.append(']');
        } else {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            if (primitive.isString()) {
                writeString(primitive.getAsString(), out);
            } else if (primitive.isBoolean()) {
                out.append(primitive.getAsBoolean());
            } else {
                BigDecimal number;
                try {
                    number = primitive.getAsBigDecimal();
                } catch (NumberFormatException e) {
                    throw new JsonFormatException("number " + primitive.getAsString() + " is not an integer", e);
                }
                out.append(safeInteger(number, primitive.getAsString()));
            }
        }
    }

    /**
     * {@code number} as a long, if it is an integer within ±(2^53−1); {@code literal} names it in the message
     * (numbers are never secrets in Carnet payloads).
     */
    private static long safeInteger(BigDecimal number, String literal) {
        BigInteger integer;
        try {
            integer = number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new JsonFormatException("number " + literal + " is not an integer", e);
        }
        if (integer.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
            throw new JsonFormatException("number " + literal + " is outside the range ±" + MAX_SAFE_INTEGER
                    + " (2^53−1)");
        }
        return integer.longValue();
    }

    /**
     * {@code value} itself, if it is well-formed UTF-16: every high surrogate followed by a low one and every
     * low surrogate preceded by a high one. An unpaired surrogate has no UTF-8 form (Java would write it as
     * {@code ?}), so it can be neither written nor read.
     */
    private static String requireWellFormed(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new JsonFormatException(what + " holds an unpaired surrogate U+"
                        + HexFormat.of().withUpperCase().toHexDigits(c) + " at index " + i
                        + ": canonical JSON strings must be well-formed Unicode");
            }
        }
        return value;
    }

    private static void writeString(String value, StringBuilder out) {
        requireWellFormed(value, "a string");
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
