package be.carnet.client.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Named values sealed by the vault key in table {@code secrets}, each bound to
 * {@code secrets|NAME|value}. Stateless: callers pass the connection of their read or transaction and
 * the key, so several writes can share one transaction.
 */
public final class Secrets {

    private static final String TABLE = "secrets";

    private Secrets() {
    }

    /** The decrypted value of {@code name}, if stored. */
    public static Optional<byte[]> get(Connection connection, VaultKey key, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM secrets WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(key.open(rows.getBytes(1), address(name)));
            }
        }
    }

    /** Stores {@code value} under {@code name}, replacing any previous value. */
    public static void put(Connection connection, VaultKey key, String name, byte[] value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, name);
            upsert.setBytes(2, key.seal(value, address(name)));
            upsert.executeUpdate();
        }
    }

    /** Removes {@code name}; no-op if absent. */
    public static void delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM secrets WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
    }

    static CellAddress address(String name) {
        return new CellAddress(TABLE, name, "value");
    }
}
