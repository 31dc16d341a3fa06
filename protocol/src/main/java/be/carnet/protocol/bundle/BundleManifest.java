package be.carnet.protocol.bundle;

import be.carnet.protocol.bundle.BundleRejectedException.Reason;
import be.carnet.protocol.json.CanonicalJson;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.json.StrictBase64;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The signed part of a bundle ({@code "type":"carnet.bundle/1"}).
 *
 * @param missionId the mission it is for
 * @param version monotonic, from 1; the app refuses an older one
 * @param created when it was built
 * @param expires after this the app warns that the briefing may be out of date
 * @param languages the languages it holds, e.g. fr, nl
 * @param agencyKeyId key id of the signing key
 * @param payloadSize length of the encrypted payload in bytes
 * @param payloadSha256 hex SHA-256 of the encrypted payload
 * @param files the plaintext files, in the order they are concatenated in the payload
 * @param passphraseKey the mission passphrase slot: an age file, encrypted to the passphrase alone (scrypt),
 *     whose plaintext is an age identity the payload is also encrypted to; {@code null} when the bundle has no
 *     mission passphrase
 */
public record BundleManifest(String missionId, long version, Instant created, Instant expires, List<String> languages,
                             String agencyKeyId, long payloadSize, String payloadSha256, List<BundleFile> files,
                             byte[] passphraseKey) {

    public static final String TYPE = "carnet.bundle/1";
    public static final int MAX_FILES = 2000;
    /** Longest {@code passphraseKey} value, in base64 characters (a slot is about 300). */
    public static final int MAX_PASSPHRASE_KEY_CHARS = 4096;
    private static final Set<String> KEYS = Set.of("type", "missionId", "version", "created", "expires", "languages",
            "agencyKeyId", "payloadSize", "payloadSha256", "files", "passphraseKey");
    private static final Set<String> FILE_KEYS = Set.of("path", "size", "sha256");

    public BundleManifest {
        languages = List.copyOf(languages);
        files = List.copyOf(files);
        passphraseKey = passphraseKey == null ? null : passphraseKey.clone();
        Set<String> seen = new HashSet<>();
        for (BundleFile file : files) {
            if (!seen.add(file.path())) {
                throw new BundleRejectedException(Reason.MALFORMED, "file " + file.path() + " is listed twice");
            }
        }
    }

    /** The passphrase slot, or {@code null} (a copy). */
    @Override
    public byte[] passphraseKey() {
        return passphraseKey == null ? null : passphraseKey.clone();
    }

    /** True when the bundle can also be opened with a mission passphrase. */
    public boolean hasPassphrase() {
        return passphraseKey != null;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("type", TYPE);
        o.addProperty("missionId", missionId);
        o.addProperty("version", version);
        o.addProperty("created", created.toString());
        o.addProperty("expires", expires.toString());
        JsonArray langs = new JsonArray();
        languages.forEach(langs::add);
        o.add("languages", langs);
        o.addProperty("agencyKeyId", agencyKeyId);
        o.addProperty("payloadSize", payloadSize);
        o.addProperty("payloadSha256", payloadSha256);
        JsonArray list = new JsonArray();
        for (BundleFile file : files) {
            JsonObject f = new JsonObject();
            f.addProperty("path", file.path());
            f.addProperty("size", file.size());
            f.addProperty("sha256", file.sha256());
            list.add(f);
        }
        o.add("files", list);
        if (passphraseKey != null) {
            o.addProperty("passphraseKey", StrictBase64.encode(passphraseKey));
        }
        return o;
    }

    /** Reads a verified payload strictly. */
    public static BundleManifest fromJson(JsonObject o) {
        try {
            JsonFields f = JsonFields.of(o, "manifest").onlyKeys(KEYS);
            f.constant("type", TYPE);
            List<String> languages = new ArrayList<>();
            for (JsonElement e : f.array("languages", 10)) {
                if (!e.isJsonPrimitive() || !e.getAsString().matches("[a-z]{2}")) {
                    throw new JsonFormatException("manifest.languages must be two-letter codes");
                }
                languages.add(e.getAsString());
            }
            List<BundleFile> files = new ArrayList<>();
            for (JsonElement e : f.array("files", MAX_FILES)) {
                if (!e.isJsonObject()) {
                    throw new JsonFormatException("manifest.files must hold objects");
                }
                JsonFields ff = JsonFields.of(e.getAsJsonObject(), "manifest.files[]").onlyKeys(FILE_KEYS);
                files.add(new BundleFile(ff.string("path", BundleFile.MAX_PATH), ff.integer("size", 0, CanonicalJson.MAX_SAFE_INTEGER),
                        ff.string("sha256", 64)));
            }
            String payloadSha256 = f.string("payloadSha256", 64);
            if (!payloadSha256.matches("[0-9a-f]{64}")) {
                throw new JsonFormatException("manifest.payloadSha256 must be 64 lowercase hex digits");
            }
            byte[] passphraseKey = null;
            if (f.has("passphraseKey")) {
                String encoded = f.string("passphraseKey", MAX_PASSPHRASE_KEY_CHARS);
                passphraseKey = StrictBase64.decode(encoded, "manifest.passphraseKey");
            }
            return new BundleManifest(f.string("missionId", 64), f.integer("version", 1, CanonicalJson.MAX_SAFE_INTEGER),
                    Instant.parse(f.string("created", 40)), Instant.parse(f.string("expires", 40)), languages,
                    f.string("agencyKeyId", 16), f.integer("payloadSize", 0, CanonicalJson.MAX_SAFE_INTEGER), payloadSha256, files,
                    passphraseKey);
        } catch (JsonFormatException | DateTimeParseException | IllegalArgumentException e) {
            throw new BundleRejectedException(Reason.MALFORMED, "the bundle manifest is not valid: " + e.getMessage(), e);
        }
    }
}
