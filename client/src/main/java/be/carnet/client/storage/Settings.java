package be.carnet.client.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Clear settings, readable while the vault is locked. Only coarse choices belong here (the language, so
 * the lock screen speaks it; the idle-lock period, so the lock works while locked); never anything
 * about the mission, the traveller or their reports.
 */
public final class Settings {

    public static final String LANGUAGE = "language";
    /** Minutes without a request before the vault locks itself (see {@code IdleMinutes}). */
    public static final String IDLE_LOCK_MINUTES = "idleLockMinutes";

    private final Database database;

    public Settings(Database database) {
        this.database = database;
    }

    public Optional<String> get(String name) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String name, String value) {
        database.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement(
                    "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                upsert.setString(1, name);
                upsert.setString(2, value);
                return upsert.executeUpdate();
            }
        });
    }
}
