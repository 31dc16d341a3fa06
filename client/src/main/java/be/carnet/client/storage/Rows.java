package be.carnet.client.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/** Small row helpers shared by the stores, run inside the caller's transaction. */
public final class Rows {

    private static final Set<String> TABLES = Set.of("incidents", "drafts", "attachments");

    private Rows() {
    }

    /**
     * The next local row id of {@code table} (one more than the largest). The id is fixed before the row is
     * written because it is part of the associated data its sealed columns are bound to.
     */
    public static long nextId(Connection c, String table) throws SQLException {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("not a table with local ids: " + table);
        }
        try (PreparedStatement select = c.prepareStatement("SELECT coalesce(max(id), 0) + 1 FROM " + table);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
