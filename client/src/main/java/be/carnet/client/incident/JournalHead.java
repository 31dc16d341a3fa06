package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.vault.Secrets;
import be.carnet.client.storage.StorageException;
import be.carnet.client.vault.VaultKey;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * The journal's head, kept sealed as the {@code journal-head} secret and rewritten in the transaction that
 * chains each entry: the last position and the SHA-256 of its signed bytes. It lets the next entry link to
 * the last one without opening its bytes, and lets the verifier notice entries removed from the end.
 *
 * @param sequence the last chained position
 * @param signedSha256 hex SHA-256 of that entry's signed envelope
 */
record JournalHead(long sequence, String signedSha256) {

    static final String NAME = "journal-head";
    private static final Set<String> KEYS = Set.of("sequence", "signedSha256");

    static Optional<JournalHead> read(Connection c, VaultKey key) throws SQLException {
        Optional<byte[]> stored = Secrets.get(c, key, NAME);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonFields f = JsonFields.of(JsonParser.parseString(new String(stored.get(), UTF_8)).getAsJsonObject(),
                    "journal-head").onlyKeys(KEYS);
            return Optional.of(new JournalHead(f.integer("sequence", 1, Long.MAX_VALUE), f.string("signedSha256", 64)));
        } catch (JsonFormatException | IllegalStateException | com.google.gson.JsonParseException e) {
            throw new StorageException("the journal head is not valid: " + e.getMessage());
        }
    }

    static void write(Connection c, VaultKey key, JournalHead head) throws SQLException {
        JsonObject o = new JsonObject();
        o.addProperty("sequence", head.sequence());
        o.addProperty("signedSha256", head.signedSha256());
        Secrets.put(c, key, NAME, o.toString().getBytes(UTF_8));
    }
}
