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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON as Carnet signs it: object keys sorted by UTF-16 code units, no whitespace, UTF-8,
 * strings escaped only where JSON requires it, numbers as integers only.
 *
 * <p>{@link #parse(byte[])} is strict: it refuses invalid UTF-8, duplicate keys, fractions, numbers
 * outside the signed 64-bit range, trailing data and anything that is not itself canonical, so that
 * one document has exactly one byte form. Stateless and thread-safe.
 */
public final class CanonicalJson {

    /** Upper bound on nesting, so a hostile document cannot exhaust the stack. */
    private static final int MAX_DEPTH = 32;

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
                    String name = reader.nextName();
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
                return new JsonPrimitive(reader.nextString());
            case NUMBER: {
                String literal = reader.nextString();
                try {
                    return new JsonPrimitive(new BigDecimal(literal).longValueExact());
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new JsonFormatException("number " + literal + " is not a 64-bit integer", e);
                }
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
                BigDecimal number = primitive.getAsBigDecimal();
                try {
                    out.append(number.longValueExact());
                } catch (ArithmeticException e) {
                    throw new JsonFormatException("number " + number + " is not a 64-bit integer", e);
                }
            }
        }
    }

    private static void writeString(String value, StringBuilder out) {
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
