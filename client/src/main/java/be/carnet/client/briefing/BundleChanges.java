package be.carnet.client.briefing;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.bundle.BundleFile;
import be.carnet.protocol.bundle.BundleManifest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * What changed in the briefings when a newer bundle replaced the installed one, by briefing id; kept
 * sealed in the vault until the traveller dismisses it. Immutable and thread-safe.
 *
 * @param version the bundle version now installed
 * @param briefings each briefing that is new, changed or removed, by id (newer bundle's order, then the
 *     removed ones in the older bundle's order); unchanged briefings are not listed
 */
public record BundleChanges(long version, Map<String, Change> briefings) {

    /** The tag of the stored format. */
    static final String FORMAT = "carnet.bundle-changes/1";

    /** How one briefing differs from the previous bundle. */
    public enum Change {
        /** Not in the previous bundle. */
        NEW,
        /** A language file has other content, or a language was added or removed. */
        CHANGED,
        /** In the previous bundle, not in this one. */
        REMOVED
    }

    public BundleChanges {
        briefings = Collections.unmodifiableMap(new LinkedHashMap<>(briefings));
    }

    /**
     * The briefings of {@code next} that are new or changed, and those of {@code previous} it no longer
     * holds, compared by the SHA-256 of their {@code briefings/<id>/<lang>.md} files in the manifests.
     * Files that are not briefings are ignored.
     */
    public static BundleChanges between(BundleManifest previous, BundleManifest next) {
        Map<String, Map<String, String>> before = briefingHashes(previous);
        Map<String, Map<String, String>> after = briefingHashes(next);
        Map<String, Change> changes = new LinkedHashMap<>();
        after.forEach((id, hashes) -> {
            Map<String, String> old = before.get(id);
            if (old == null) {
                changes.put(id, Change.NEW);
            } else if (!old.equals(hashes)) {
                changes.put(id, Change.CHANGED);
            }
        });
        for (String id : before.keySet()) {
            if (!after.containsKey(id)) {
                changes.put(id, Change.REMOVED);
            }
        }
        return new BundleChanges(next.version(), changes);
    }

    /**
     * These changes followed by {@code later} ones, as one summary from this summary's previous bundle to
     * {@code later}'s version (for a bundle that arrives before the traveller dismissed the last summary).
     */
    public BundleChanges then(BundleChanges later) {
        Map<String, Change> merged = new LinkedHashMap<>(briefings);
        later.briefings.forEach((id, change) -> {
            Change earlier = merged.get(id);
            if (earlier == null) {
                merged.put(id, change);
            } else if (earlier == Change.NEW && change == Change.REMOVED) {
                merged.remove(id);
            } else if (earlier == Change.NEW) {
                merged.put(id, Change.NEW);
            } else if (earlier == Change.REMOVED) {
                // It was in the first bundle and is back, perhaps with other content.
                merged.put(id, Change.CHANGED);
            } else {
                merged.put(id, change);
            }
        });
        return new BundleChanges(later.version, merged);
    }

    /** The ids with {@code change}, in order. */
    public List<String> ids(Change change) {
        List<String> out = new ArrayList<>();
        briefings.forEach((id, c) -> {
            if (c == change) {
                out.add(id);
            }
        });
        return out;
    }

    private static Map<String, Map<String, String>> briefingHashes(BundleManifest manifest) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (BundleFile file : manifest.files()) {
            Matcher name = BundleService.BRIEFING_FILE.matcher(file.path());
            if (name.matches()) {
                out.computeIfAbsent(name.group(1), id -> new LinkedHashMap<>()).put(name.group(2), file.sha256());
            }
        }
        return out;
    }

    /** The stored form (sealed by the caller). */
    byte[] encode() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", version);
        JsonArray list = new JsonArray();
        briefings.forEach((id, change) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", id);
            entry.addProperty("change", change.name());
            list.add(entry);
        });
        o.add("briefings", list);
        return o.toString().getBytes(UTF_8);
    }

    /** Reads what {@link #encode} wrote; the value was sealed by this app, so it is trusted. */
    static BundleChanges decode(byte[] stored) {
        JsonObject o = JsonParser.parseString(new String(stored, UTF_8)).getAsJsonObject();
        if (!FORMAT.equals(o.get("format").getAsString())) {
            throw new IllegalStateException("the stored bundle changes have an unknown format");
        }
        Map<String, Change> briefings = new LinkedHashMap<>();
        for (JsonElement e : o.getAsJsonArray("briefings")) {
            JsonObject entry = e.getAsJsonObject();
            briefings.put(entry.get("id").getAsString(), Change.valueOf(entry.get("change").getAsString()));
        }
        return new BundleChanges(o.get("version").getAsLong(), briefings);
    }
}
