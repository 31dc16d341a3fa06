package be.carnet.protocol.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, checked reads from an untrusted JSON object. Every failure is a {@link JsonFormatException}
 * that names the field and the rule; values are never echoed, so a secret cannot leak through it.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String where;

    private JsonFields(JsonObject object, String where) {
        this.object = object;
        this.where = where;
    }

    /** Reads {@code object}, calling it {@code where} in error messages (e.g. "receipt"). */
    public static JsonFields of(JsonObject object, String where) {
        return new JsonFields(object, where);
    }

    /** Refuses any key that is not in {@code allowed}. */
    public JsonFields onlyKeys(Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(object.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new JsonFormatException(where + " has unknown field \"" + unknown.iterator().next() + "\"");
        }
        return this;
    }

    /** True when {@code name} is present and not null (for optional fields). */
    public boolean has(String name) {
        JsonElement value = object.get(name);
        return value != null && !value.isJsonNull();
    }

    /** A required string of at most {@code maxLength} characters. */
    public String string(String name, int maxLength) {
        JsonElement value = required(name);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new JsonFormatException(where + "." + name + " must be a string");
        }
        String text = value.getAsString();
        if (text.length() > maxLength) {
            throw new JsonFormatException(where + "." + name + " must be at most " + maxLength + " characters");
        }
        return text;
    }

    /** A required string equal to {@code expected}. */
    public void constant(String name, String expected) {
        if (!expected.equals(string(name, 200))) {
            throw new JsonFormatException(where + "." + name + " must be \"" + expected + "\"");
        }
    }

    /** A required integer in [{@code min}, {@code max}]. */
    public long integer(String name, long min, long max) {
        JsonElement value = required(name);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new JsonFormatException(where + "." + name + " must be an integer");
        }
        long number = value.getAsLong();
        if (number < min || number > max) {
            throw new JsonFormatException(where + "." + name + " must be between " + min + " and " + max);
        }
        return number;
    }

    /** A required boolean. */
    public boolean bool(String name) {
        JsonElement value = required(name);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw new JsonFormatException(where + "." + name + " must be true or false");
        }
        return value.getAsBoolean();
    }

    /** A required object. */
    public JsonObject object(String name) {
        JsonElement value = required(name);
        if (!value.isJsonObject()) {
            throw new JsonFormatException(where + "." + name + " must be an object");
        }
        return value.getAsJsonObject();
    }

    /** A required array of at most {@code maxItems} items. */
    public JsonArray array(String name, int maxItems) {
        JsonElement value = required(name);
        if (!value.isJsonArray()) {
            throw new JsonFormatException(where + "." + name + " must be an array");
        }
        if (value.getAsJsonArray().size() > maxItems) {
            throw new JsonFormatException(where + "." + name + " must have at most " + maxItems + " items");
        }
        return value.getAsJsonArray();
    }

    private JsonElement required(String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            throw new JsonFormatException(where + "." + name + " is missing");
        }
        return value;
    }
}
