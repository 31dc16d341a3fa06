package be.carnet.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Looks into an agency database from the outside, as an operator with sqlite3 would. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The number of rows in {@code table}. */
    public static long count(Path dataDir, String table) {
        return single(dataDir, "SELECT COUNT(*) FROM " + table);
    }

    /** The one value {@code sql} selects, as a long. */
    public static long single(Path dataDir, String sql, Object... args) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("agency.db"));
             PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one text value {@code sql} selects. */
    public static String text(Path dataDir, String sql, Object... args) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("agency.db"));
             PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one blob {@code sql} selects. */
    public static byte[] bytes(Path dataDir, String sql, Object... args) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("agency.db"));
             PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
