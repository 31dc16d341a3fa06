package be.carnet.client.incident;

import be.carnet.client.storage.Database;
import be.carnet.client.storage.Rows;
import be.carnet.client.storage.StorageException;
import be.carnet.client.vault.CellAddress;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.VaultKey;
import be.carnet.protocol.Randomness;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Incident;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts (table {@code drafts}): incidents the traveller is still writing, from the quick log or the form.
 * A draft is editable; marking it ready moves it, with its attachments, into the {@link Journal} in one
 * transaction, where it becomes immutable. Only the draft id is in clear. Thread-safe through {@link Database}.
 */
public final class Drafts {

    private static final Logger LOG = LoggerFactory.getLogger(Drafts.class);
    static final String TABLE = "drafts";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Database database;
    private final Vault vault;
    private final Journal journal;
    private final Clock clock;

    public Drafts(Database database, Vault vault, Journal journal, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Saves a new draft durably; returns its id.
     *
     * @param zone the time zone the traveller chose, shown again when the draft is edited
     */
    public String create(Incident incident, String zone) {
        VaultKey key = vault.key();
        String draftId = Randomness.uuid();
        StoredFields fields = new StoredFields(incident.withAttachments(List.of()), clock.instant(), List.of(), zone);
        database.write(c -> {
            long id = Rows.nextId(c, TABLE);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO drafts (id, draft_id, fields_sealed) VALUES (?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, draftId);
                insert.setBytes(3, key.seal(fields.encode(), cell(id)));
                insert.executeUpdate();
            }
            return null;
        });
        LOG.info("draft {} saved", draftId);
        return draftId;
    }

    /** The draft {@code draftId}, if there is one. */
    public Optional<Draft> get(String draftId) {
        if (draftId == null || !ID.matcher(draftId).matches()) {
            return Optional.empty();
        }
        VaultKey key = vault.key();
        return database.read(c -> find(c, key, draftId).map(Row::draft));
    }

    /** How many drafts there are (nothing is decrypted). */
    public int count() {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM drafts");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /** Every draft, newest first. */
    public List<Draft> list() {
        VaultKey key = vault.key();
        return database.read(c -> {
            List<Draft> drafts = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, draft_id, fields_sealed FROM drafts ORDER BY id DESC");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    drafts.add(new Draft(rows.getString(2), StoredFields.decode(key.open(rows.getBytes(3), cell(id)))));
                }
            }
            return drafts;
        });
    }

    /**
     * Replaces the draft's fields (its attachments and first-logged time stay).
     *
     * @throws DraftNotFoundException if there is no such draft
     */
    public void update(String draftId, Incident incident, String zone) {
        VaultKey key = vault.key();
        database.write(c -> {
            Row row = find(c, key, draftId).orElseThrow(DraftNotFoundException::new);
            write(c, key, row.id(), new StoredFields(incident.withAttachments(List.of()), row.fields().createdAt(),
                    row.fields().attachments(), zone));
            return null;
        });
    }

    /**
     * Attaches a file to the draft, sealed.
     *
     * @throws AttachmentRefusedException if the draft already has {@link Attachment#MAX_COUNT} files or the total
     *     would pass {@link Attachment#MAX_TOTAL_BYTES}; nothing is stored then
     * @throws DraftNotFoundException if there is no such draft
     */
    public void attach(String draftId, Attachment attachment) {
        VaultKey key = vault.key();
        database.write(c -> {
            Row row = find(c, key, draftId).orElseThrow(DraftNotFoundException::new);
            if (row.fields().attachments().size() >= Attachment.MAX_COUNT) {
                throw new AttachmentRefusedException("attachmentCount", Attachment.MAX_COUNT);
            }
            if (row.fields().attachmentBytes() + attachment.size() > Attachment.MAX_TOTAL_BYTES) {
                throw new AttachmentRefusedException("attachmentTotal", Attachment.MAX_TOTAL_BYTES / (1024 * 1024));
            }
            AttachmentInfo info = AttachmentStore.insert(c, key, draftId, attachment);
            List<AttachmentInfo> attachments = new ArrayList<>(row.fields().attachments());
            attachments.add(info);
            write(c, key, row.id(), row.fields().withAttachments(attachments));
            return null;
        });
        LOG.info("draft {}: file attached ({} bytes)", draftId, attachment.size());
    }

    /** Removes the draft's attachment at {@code index} (0-based); nothing happens if there is none there. */
    public void detach(String draftId, int index) {
        VaultKey key = vault.key();
        database.write(c -> {
            Row row = find(c, key, draftId).orElseThrow(DraftNotFoundException::new);
            List<AttachmentInfo> attachments = new ArrayList<>(row.fields().attachments());
            if (index < 0 || index >= attachments.size()) {
                return null;
            }
            AttachmentInfo removed = attachments.remove(index);
            AttachmentStore.delete(c, removed.rowId(), draftId);
            write(c, key, row.id(), row.fields().withAttachments(attachments));
            return null;
        });
    }

    /** Deletes the draft and the attachment rows its sealed fields list, in one transaction; idempotent. */
    public void delete(String draftId) {
        if (draftId == null || !ID.matcher(draftId).matches()) {
            return;
        }
        VaultKey key = vault.key();
        database.write(c -> {
            Optional<Row> row = find(c, key, draftId);
            if (row.isEmpty()) {
                return null;
            }
            for (AttachmentInfo info : row.get().fields().attachments()) {
                AttachmentStore.delete(c, info.rowId(), draftId);
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM drafts WHERE id = ?")) {
                delete.setLong(1, row.get().id());
                delete.executeUpdate();
            }
            return null;
        });
        LOG.info("draft {} deleted", draftId);
    }

    /**
     * Makes the draft a journal entry, in one transaction: its fields and attachments are appended (chained,
     * signed and sealed when enrolled) and the draft is gone. From then on the entry cannot change; a
     * correction is an addendum.
     *
     * @return the entry's report id
     * @throws DraftNotFoundException if there is no such draft
     */
    public String markReady(String draftId) {
        VaultKey key = vault.key();
        Journal.Appended appended = database.write(c -> {
            Row row = find(c, key, draftId).orElseThrow(DraftNotFoundException::new);
            List<Attachment> files = AttachmentStore.loadAll(c, key, draftId, row.fields().attachments());
            Incident full = row.fields().incident().withAttachments(files);
            Journal.Appended entry = journal.append(c, key, full, row.fields().createdAt(), row.fields().zone(),
                    draftId, row.fields().attachments());
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM drafts WHERE id = ?")) {
                delete.setLong(1, row.id());
                delete.executeUpdate();
            }
            return entry;
        });
        LOG.info("draft {} is now journal entry {} ({})", draftId, appended.reportId(), appended.state().column());
        return appended.reportId();
    }

    /**
     * Starts an addendum to the journal entry {@code reportId}: a draft that refers to it, with its category,
     * severity, marking, time and place, and an empty text for the correction.
     *
     * @throws DraftNotFoundException if there is no such entry
     */
    public String addendum(String reportId) {
        JournalEntry entry = journal.entry(reportId).orElseThrow(DraftNotFoundException::new);
        Incident original = entry.incident();
        Incident start = new Incident(original.category(), original.severity(), original.tlp(), original.occurredAt(),
                original.approximate(), original.place(), original.device(), "", "", original.ongoing(),
                original.outOfSightMinutes(), original.accounts(), reportId, List.of());
        return create(start, entry.zone());
    }

    private static Optional<Row> find(Connection c, VaultKey key, String draftId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, fields_sealed FROM drafts WHERE draft_id = ?")) {
            select.setString(1, draftId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long id = rows.getLong(1);
                return Optional.of(new Row(id, draftId, StoredFields.decode(key.open(rows.getBytes(2), cell(id)))));
            }
        }
    }

    private static void write(Connection c, VaultKey key, long id, StoredFields fields) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE drafts SET fields_sealed = ? WHERE id = ?")) {
            update.setBytes(1, key.seal(fields.encode(), cell(id)));
            update.setLong(2, id);
            if (update.executeUpdate() != 1) {
                throw new StorageException("draft row " + id + " vanished");
            }
        }
    }

    static CellAddress cell(long id) {
        return CellAddress.of(TABLE, id, "fields_sealed");
    }

    private record Row(long id, String draftId, StoredFields fields) {
        Draft draft() {
            return new Draft(draftId, fields);
        }
    }
}
