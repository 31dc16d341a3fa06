package be.carnet.client.incident;

import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.enrolment.EnrolmentListener;
import be.carnet.client.enrolment.Enrolments;
import be.carnet.client.storage.Database;
import be.carnet.client.storage.Rows;
import be.carnet.client.storage.StorageException;
import be.carnet.client.vault.CellAddress;
import be.carnet.client.vault.CellTamperedException;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.VaultKey;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.Randomness;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.SealedReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traveller's incident journal (table {@code incidents}). Saving is one transaction: once enrolled,
 * the incident becomes a {@link Report} at the next journal position, chained to the previous entry's
 * signed bytes, signed by the device key, and sealed once to the agency; the signed and sealed bytes are
 * stored (sealed by the vault key) so that every retry sends the same bytes. Before enrolment the
 * incident is kept pending and chained, in order, in the enrolment's transaction.
 *
 * <p>Only the id, the report id, the state and the journal position are in clear. Thread-safe through
 * {@link Database}.
 */
public final class Journal implements EnrolmentListener {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final String TABLE = "incidents";

    private final Database database;
    private final Vault vault;
    private final Clock clock;

    public Journal(Database database, Vault vault, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * Saves a validated incident durably as a journal entry (ready; pending before enrolment), with its
     * attachments.
     *
     * @return its report id
     */
    public String save(Incident incident) {
        return save(incident, "");
    }

    /**
     * As {@link #save(Incident)}, remembering the time zone the traveller chose (sealed with the fields), so
     * that an addendum starts in the same zone.
     */
    public String save(Incident incident, String zone) {
        VaultKey key = vault.key();
        Instant createdAt = clock.instant();
        Appended appended = database.write(c -> append(c, key, incident, createdAt, zone, null, List.of()));
        LOG.info("incident {} saved ({})", appended.reportId(), appended.state().column());
        return appended.reportId();
    }

    /** A new journal entry and where it stands. */
    record Appended(String reportId, IncidentState state) {
    }

    /**
     * Appends {@code incident} (with its attachments' bytes) to the journal inside the caller's transaction:
     * chained, signed and sealed when enrolled, pending otherwise. When it comes from a draft, the draft's
     * attachment rows are handed over to the entry instead of being stored again.
     *
     * @param createdAt when it was first logged
     * @param zone the time zone the traveller chose, or empty
     * @param draftId the draft it comes from, or {@code null}
     * @param draftAttachments the draft's attachment rows (matching {@code incident.attachments()})
     */
    Appended append(Connection c, VaultKey key, Incident incident, Instant createdAt, String zone, String draftId,
                    List<AttachmentInfo> draftAttachments) throws SQLException {
        String reportId = Randomness.uuid();
        long id = Rows.nextId(c, TABLE);
        List<AttachmentInfo> attachments;
        if (draftId != null) {
            AttachmentStore.reassign(c, draftId, reportId, draftAttachments);
            attachments = draftAttachments;
        } else {
            attachments = new ArrayList<>();
            for (Attachment attachment : incident.attachments()) {
                attachments.add(AttachmentStore.insert(c, key, reportId, attachment));
            }
        }
        StoredFields fields = new StoredFields(incident.withAttachments(List.of()), createdAt, attachments, zone);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO incidents (id, report_id, state, fields_sealed) VALUES (?, ?, 'pending', ?)")) {
            insert.setLong(1, id);
            insert.setString(2, reportId);
            insert.setBytes(3, key.seal(fields.encode(), cell(id, "fields_sealed")));
            insert.executeUpdate();
        }
        Optional<Enrolment> enrolment = Enrolments.current(c, key);
        if (enrolment.isPresent()) {
            chain(c, key, enrolment.get(), id, reportId, incident);
            return new Appended(reportId, IncidentState.READY);
        }
        return new Appended(reportId, IncidentState.PENDING);
    }

    /** Chains, signs and seals every pending incident, oldest first, inside the enrolment's transaction. */
    @Override
    public void enrolled(Connection c, VaultKey key, Enrolment enrolment) throws SQLException {
        List<PendingRow> pending = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, report_id FROM incidents WHERE state = 'pending' ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                pending.add(new PendingRow(rows.getLong(1), rows.getString(2)));
            }
        }
        for (PendingRow row : pending) {
            StoredFields fields = fields(c, key, row.id());
            Incident full = fields.incident().withAttachments(
                    AttachmentStore.loadAll(c, key, row.reportId(), fields.attachments()));
            chain(c, key, enrolment, row.id(), row.reportId(), full);
        }
        if (!pending.isEmpty()) {
            LOG.info("{} pending incident(s) chained at enrolment", pending.size());
        }
    }

    /** Every incident, newest first. */
    public List<JournalEntry> list() {
        VaultKey key = vault.key();
        return database.read(c -> {
            List<JournalEntry> entries = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, report_id, state, sequence, fields_sealed FROM incidents ORDER BY id DESC");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows, key));
                }
            }
            return entries;
        });
    }

    /** One entry by its report id; empty if there is none (or the id is not one). */
    public Optional<JournalEntry> entry(String reportId) {
        if (!Report.isValidId(reportId)) {
            return Optional.empty();
        }
        VaultKey key = vault.key();
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, report_id, state, sequence, fields_sealed FROM incidents WHERE report_id = ?")) {
                select.setString(1, reportId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(entry(rows, key)) : Optional.<JournalEntry>empty();
                }
            }
        });
    }

    /** The entries that correct {@code reportId} (its addenda), oldest first. */
    public List<JournalEntry> addendaOf(String reportId) {
        List<JournalEntry> addenda = new ArrayList<>(list().stream()
                .filter(e -> e.incident().amends().equals(reportId)).toList());
        java.util.Collections.reverse(addenda);
        return addenda;
    }

    private static JournalEntry entry(ResultSet rows, VaultKey key) throws SQLException {
        long id = rows.getLong(1);
        StoredFields fields = StoredFields.decode(key.open(rows.getBytes(5), cell(id, "fields_sealed")));
        return new JournalEntry(rows.getString(2), IncidentState.fromColumn(rows.getString(3)), rows.getLong(4),
                fields.createdAt(), fields.incident(), fields.attachments(), fields.zone());
    }

    /** Sealed reports without a receipt, in journal order. */
    public List<Outgoing> unacknowledged() {
        VaultKey key = vault.key();
        return database.read(c -> {
            List<Outgoing> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, report_id, sequence, report_sealed"
                    + " FROM incidents WHERE state IN ('ready', 'sent') ORDER BY sequence");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    out.add(new Outgoing(rows.getString(2), rows.getLong(3),
                            key.open(rows.getBytes(4), cell(id, "report_sealed"))));
                }
            }
            return out;
        });
    }

    /**
     * The report ids and positions of the sealed reports without a receipt, in journal order, nothing
     * decrypted: sync then loads one report at a time ({@link #outgoing}), so large attachments never sit in
     * memory together.
     */
    public List<Outgoing.Waiting> waiting() {
        return database.read(c -> {
            List<Outgoing.Waiting> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT report_id, sequence FROM incidents"
                    + " WHERE state IN ('ready', 'sent') ORDER BY sequence");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(new Outgoing.Waiting(rows.getString(1), rows.getLong(2)));
                }
            }
            return out;
        });
    }

    /** One sealed report waiting for its receipt, decrypted from the vault; empty if it is not waiting. */
    public Optional<Outgoing> outgoing(String reportId) {
        VaultKey key = vault.key();
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, sequence, report_sealed FROM incidents"
                    + " WHERE report_id = ? AND state IN ('ready', 'sent')")) {
                select.setString(1, reportId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Outgoing>empty();
                    }
                    return Optional.of(new Outgoing(reportId, rows.getLong(2),
                            key.open(rows.getBytes(3), cell(rows.getLong(1), "report_sealed"))));
                }
            }
        });
    }

    /** Marks a report as seen by the agency without a valid receipt yet. */
    public void markSent(String reportId) {
        database.write(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE incidents SET state = 'sent' WHERE report_id = ? AND state = 'ready'")) {
                update.setString(1, reportId);
                return update.executeUpdate();
            }
        });
    }

    /** Stores a verified receipt and marks the report acknowledged. */
    public void acknowledge(String reportId, byte[] verifiedReceipt) {
        VaultKey key = vault.key();
        database.write(c -> {
            long id = idOf(c, reportId);
            try (PreparedStatement update = c.prepareStatement("UPDATE incidents SET state = 'acknowledged',"
                    + " receipt_sealed = ? WHERE id = ? AND state IN ('ready', 'sent')")) {
                update.setBytes(1, key.seal(verifiedReceipt, cell(id, "receipt_sealed")));
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Checks the whole journal as stored (see {@link JournalVerifier} for the rules): intact, or the first
     * broken entry. Reads only; holds the database while it runs, so a save waits for it.
     *
     * @throws be.carnet.client.vault.VaultLockedException when locked
     */
    public JournalVerification verify() {
        VaultKey key = vault.key();
        JournalVerification verification = database.read(c -> JournalVerifier.verify(c, key));
        if (verification.intact()) {
            LOG.info("journal verified: {}", verification.describe());
        } else {
            LOG.warn("journal verified: {}", verification.describe());
        }
        return verification;
    }

    /** How many sealed reports have no receipt yet: a count of clear states, nothing decrypted. */
    public int unacknowledgedCount() {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT count(*) FROM incidents WHERE state IN ('ready', 'sent')");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * The kept receipts, in journal order. A receipt that no longer decrypts is left out and its report id
     * logged at WARN, so that one damaged row does not hide the others.
     */
    public List<StoredReceipt> receipts() {
        VaultKey key = vault.key();
        return database.read(c -> {
            List<StoredReceipt> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, report_id, sequence, receipt_sealed"
                    + " FROM incidents WHERE state = 'acknowledged' ORDER BY sequence");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    String reportId = rows.getString(2);
                    try {
                        out.add(new StoredReceipt(reportId, rows.getLong(3),
                                key.open(rows.getBytes(4), cell(id, "receipt_sealed"))));
                    } catch (CellTamperedException e) {
                        LOG.warn("report {}: stored receipt unreadable, not shown: {}", reportId, e.getMessage());
                    }
                }
            }
            return out;
        });
    }

    /**
     * A kept receipt.
     *
     * @param reportId the report id
     * @param sequence its journal position
     * @param receipt the receipt envelope, verified when it was stored
     */
    public record StoredReceipt(String reportId, long sequence, byte[] receipt) {
    }

    private void chain(Connection c, VaultKey key, Enrolment enrolment, long id, String reportId, Incident incident)
            throws SQLException {
        long sequence = 1;
        String previousHash = Report.FIRST_PREVIOUS_HASH;
        Optional<JournalHead> head = JournalHead.read(c, key);
        try (PreparedStatement last = c.prepareStatement(
                "SELECT id, sequence FROM incidents WHERE sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1");
             ResultSet rows = last.executeQuery()) {
            if (rows.next()) {
                long lastId = rows.getLong(1);
                sequence = rows.getLong(2) + 1;
                if (head.isPresent() && head.get().sequence() == sequence - 1) {
                    // The sealed head holds the last entry's hash: no need to open its (possibly large) bytes.
                    previousHash = head.get().signedSha256();
                } else {
                    previousHash = Hashes.sha256Hex(key.open(column(c, lastId, "signed_sealed"),
                            cell(lastId, "signed_sealed")));
                }
            }
        }
        Report report = new Report(reportId, enrolment.missionId(), enrolment.deviceKey().publicKey().keyId(),
                enrolment.agencyKey().keyId(), sequence, previousHash, clock.instant(), incident);
        byte[] signed = SealedReport.sign(report, enrolment.deviceKey());
        byte[] sealed = SealedReport.seal(signed, enrolment.reportRecipient());
        try (PreparedStatement update = c.prepareStatement("UPDATE incidents SET state = 'ready', sequence = ?,"
                + " signed_sealed = ?, report_sealed = ? WHERE id = ? AND state = 'pending'")) {
            update.setLong(1, sequence);
            update.setBytes(2, key.seal(signed, cell(id, "signed_sealed")));
            update.setBytes(3, key.seal(sealed, cell(id, "report_sealed")));
            update.setLong(4, id);
            if (update.executeUpdate() != 1) {
                throw new StorageException("incident row " + id + " was not pending when chained");
            }
        }
        JournalHead.write(c, key, new JournalHead(sequence, Hashes.sha256Hex(signed)));
    }

    /** One sealed column of one row of {@code incidents}, read on its own; null when the row or value is absent. */
    static byte[] column(Connection c, long id, String column) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + column + " FROM incidents WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }
    }

    private static long idOf(Connection c, String reportId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM incidents WHERE report_id = ?")) {
            select.setString(1, reportId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new StorageException("no incident with report id " + reportId);
                }
                return rows.getLong(1);
            }
        }
    }

    private static StoredFields fields(Connection c, VaultKey key, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT fields_sealed FROM incidents WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return StoredFields.decode(key.open(rows.getBytes(1), cell(id, "fields_sealed")));
            }
        }
    }

    static CellAddress cell(long id, String column) {
        return CellAddress.of(TABLE, id, column);
    }

    private record PendingRow(long id, String reportId) {
    }
}
