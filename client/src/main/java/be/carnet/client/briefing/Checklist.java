package be.carnet.client.briefing;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.storage.Database;
import be.carnet.client.vault.Secrets;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.VaultKey;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ticked checklist items, as one sealed set of {@code briefingId/itemId} (the ids say what the
 * traveller prepared, so they are not stored in clear). Callers pass ids already checked against the
 * installed briefings. Thread-safe through {@link Database}.
 */
public final class Checklist {

    static final String NAME = "checklist";

    private final Database database;
    private final Vault vault;

    public Checklist(Database database, Vault vault) {
        this.database = database;
        this.vault = vault;
    }

    /** The ticked item ids of {@code briefingId}. */
    public Set<String> ticked(String briefingId) {
        Set<String> out = new TreeSet<>();
        String prefix = briefingId + "/";
        for (String entry : all()) {
            if (entry.startsWith(prefix)) {
                out.add(entry.substring(prefix.length()));
            }
        }
        return out;
    }

    /** Ticks or unticks one item; idempotent, so a form sent twice changes nothing more. */
    public void set(String briefingId, String itemId, boolean ticked) {
        VaultKey key = vault.key();
        database.write(c -> {
            Set<String> entries = Secrets.get(c, key, NAME).map(Checklist::decode).orElseGet(TreeSet::new);
            String entry = briefingId + "/" + itemId;
            boolean changed = ticked ? entries.add(entry) : entries.remove(entry);
            if (changed) {
                Secrets.put(c, key, NAME, encode(entries));
            }
            return null;
        });
    }

    private Set<String> all() {
        VaultKey key = vault.key();
        return database.read(c -> Secrets.get(c, key, NAME)).map(Checklist::decode).orElseGet(TreeSet::new);
    }

    private static Set<String> decode(byte[] bytes) {
        Set<String> out = new TreeSet<>();
        for (JsonElement e : JsonParser.parseString(new String(bytes, UTF_8)).getAsJsonArray()) {
            out.add(e.getAsString());
        }
        return out;
    }

    private static byte[] encode(Set<String> entries) {
        JsonArray array = new JsonArray();
        entries.forEach(array::add);
        return array.toString().getBytes(UTF_8);
    }
}
