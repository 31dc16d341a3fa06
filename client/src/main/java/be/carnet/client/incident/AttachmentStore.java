package be.carnet.client.incident;

import be.carnet.client.storage.Rows;
import be.carnet.client.storage.StorageException;
import be.carnet.client.vault.CellAddress;
import be.carnet.client.vault.VaultKey;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.report.Attachment;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code attachments} table: each file sealed by the vault key for its own row, under an opaque owner
 * (a draft id or a report id). Reading checks the owner and the SHA-256 the owner's sealed fields recorded,
 * so a row moved or swapped in the database is caught. Runs inside the caller's transaction.
 */
final class AttachmentStore {

    static final String TABLE = "attachments";

    private AttachmentStore() {
    }

    /** Seals and stores {@code attachment} for {@code owner}; returns its description. */
    static AttachmentInfo insert(Connection c, VaultKey key, String owner, Attachment attachment) throws SQLException {
        long id = Rows.nextId(c, TABLE);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO attachments (id, owner, data_sealed) VALUES (?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, owner);
            insert.setBytes(3, key.seal(attachment.data(), cell(id)));
            insert.executeUpdate();
        }
        return new AttachmentInfo(id, attachment.name(), attachment.mediaType(), attachment.size(), attachment.sha256());
    }

    /**
     * The file {@code info} describes, checked against it.
     *
     * @throws StorageException if the row is missing, belongs to another owner or does not match its hash
     */
    static Attachment load(Connection c, VaultKey key, String owner, AttachmentInfo info) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT owner, data_sealed FROM attachments WHERE id = ?")) {
            select.setLong(1, info.rowId());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || !rows.getString(1).equals(owner)) {
                    throw new StorageException("attachment row " + info.rowId() + " is missing or belongs to another entry");
                }
                byte[] data = key.open(rows.getBytes(2), cell(info.rowId()));
                if (!MessageDigest.isEqual(Hashes.sha256Hex(data).getBytes(StandardCharsets.US_ASCII),
                        info.sha256().getBytes(StandardCharsets.US_ASCII))) {
                    throw new StorageException("attachment row " + info.rowId() + " does not match its recorded hash");
                }
                return new Attachment(info.name(), info.mediaType(), data);
            }
        }
    }

    /** Every file of {@code infos}, in order. */
    static List<Attachment> loadAll(Connection c, VaultKey key, String owner, List<AttachmentInfo> infos)
            throws SQLException {
        List<Attachment> out = new ArrayList<>();
        for (AttachmentInfo info : infos) {
            out.add(load(c, key, owner, info));
        }
        return out;
    }

    /** Hands the rows of {@code infos} from one owner to another (a draft becoming a journal entry). */
    static void reassign(Connection c, String from, String to, List<AttachmentInfo> infos) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE attachments SET owner = ? WHERE id = ? AND owner = ?")) {
            for (AttachmentInfo info : infos) {
                update.setString(1, to);
                update.setLong(2, info.rowId());
                update.setString(3, from);
                if (update.executeUpdate() != 1) {
                    throw new StorageException("attachment row " + info.rowId() + " is missing or belongs to another entry");
                }
            }
        }
    }

    /** Deletes the row {@code rowId} if {@code owner} owns it (a journal entry's files are never deleted). */
    static void delete(Connection c, long rowId, String owner) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM attachments WHERE id = ? AND owner = ?")) {
            delete.setLong(1, rowId);
            delete.setString(2, owner);
            delete.executeUpdate();
        }
    }

    static CellAddress cell(long id) {
        return CellAddress.of(TABLE, id, "data_sealed");
    }
}
