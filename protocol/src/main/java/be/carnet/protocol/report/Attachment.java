package be.carnet.protocol.report;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.json.StrictBase64;
import com.google.gson.JsonObject;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file attached to an incident (photo, screenshot, any file), carried whole inside the signed report so
 * that the agency receives exactly what the traveller attached. Validated on construction.
 *
 * @param name the file's name as the traveller's computer gave it (no folder), shown, never used as a path
 * @param mediaType its media type, e.g. {@code image/jpeg}; {@code application/octet-stream} when unknown
 * @param data its bytes
 */
public record Attachment(String name, String mediaType, byte[] data) {

    /** Largest attachment, in bytes (5 MiB). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Most attachments per incident. */
    public static final int MAX_COUNT = 5;
    /** Largest total of an incident's attachments, in bytes (10 MiB). */
    public static final int MAX_TOTAL_BYTES = 10 * 1024 * 1024;
    public static final int MAX_NAME = 120;
    public static final String UNKNOWN_TYPE = "application/octet-stream";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
    private static final Set<String> KEYS = Set.of("name", "mediaType", "size", "sha256", "data");

    public Attachment {
        if (!validName(name)) {
            throw new IllegalArgumentException("attachment name must be 1 to " + MAX_NAME
                    + " characters, without / or \\ or control characters");
        }
        if (!validMediaType(mediaType)) {
            throw new IllegalArgumentException("attachment mediaType must be a lowercase type/subtype");
        }
        if (data == null || data.length > MAX_BYTES) {
            throw new IllegalArgumentException("an attachment must be at most " + MAX_BYTES + " bytes");
        }
        data = data.clone();
    }

    /**
     * Whether {@code name} may be an attachment's name: 1 to 120 UTF-16 code units; no {@code /} or
     * {@code \\}; no character of Unicode category Cc (control) or Cf (format: the bidirectional overrides and
     * isolates U+202A–U+202E, U+2066–U+2069, zero-width characters…), so a name cannot disguise its extension;
     * not starting or ending with a space (U+0020); not {@code .} or {@code ..}.
     */
    public static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_NAME
                && !name.startsWith(" ") && !name.endsWith(" ")
                && name.codePoints().noneMatch(Attachment::forbiddenInName)
                && !name.equals(".") && !name.equals("..");
    }

    /** Whether {@code mediaType} is a lowercase {@code type/subtype} without parameters. */
    public static boolean validMediaType(String mediaType) {
        return mediaType != null && MEDIA_TYPE.matcher(mediaType).matches();
    }

    /**
     * Whether a name may not contain {@code codePoint}: a folder separator, a control or a format character, or
     * an unpaired surrogate (which canonical JSON cannot carry, formats.md 2.2).
     */
    public static boolean forbiddenInName(int codePoint) {
        return codePoint == '/' || codePoint == '\\' || Character.getType(codePoint) == Character.CONTROL
                || Character.getType(codePoint) == Character.FORMAT || Character.getType(codePoint) == Character.SURROGATE;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment that && name.equals(that.name) && mediaType.equals(that.mediaType)
                && java.util.Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, mediaType, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Attachment[name=" + name + ", mediaType=" + mediaType + ", size=" + data.length + "]";
    }

    public int size() {
        return data.length;
    }

    /** Hex SHA-256 of the bytes. */
    public String sha256() {
        return Hashes.sha256Hex(data);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("mediaType", mediaType);
        o.addProperty("size", data.length);
        o.addProperty("sha256", sha256());
        o.addProperty("data", StrictBase64.encode(data));
        return o;
    }

    static Attachment fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o, "attachment").onlyKeys(KEYS);
        long size = f.integer("size", 0, MAX_BYTES);
        String sha256 = f.string("sha256", 64);
        byte[] data = StrictBase64.decode(f.string("data", (MAX_BYTES / 3 + 1) * 4), "attachment.data");
        try {
            Attachment attachment = new Attachment(f.string("name", MAX_NAME), f.string("mediaType", 129), data);
            if (attachment.size() != size) {
                throw new JsonFormatException("attachment.size does not match its data");
            }
            if (!attachment.sha256().equals(sha256)) {
                throw new JsonFormatException("attachment.sha256 does not match its data");
            }
            return attachment;
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(e.getMessage(), e);
        }
    }
}
