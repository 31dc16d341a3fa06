package be.carnet.client.incident;

import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.enrolment.Enrolments;
import be.carnet.client.incident.JournalVerification.BrokenEntry;
import be.carnet.client.vault.CellTamperedException;
import be.carnet.client.vault.VaultKey;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.report.Receipt;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.ReportRejectedException;
import be.carnet.protocol.report.SealedReport;
import be.carnet.protocol.sign.SignatureException;
import be.carnet.protocol.sign.SignedEnvelope;
import com.google.gson.JsonParseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Walks the journal as stored (table {@code incidents}) and finds its first broken entry, by the rules of
 * docs/formats.md section 7: positions 1, 2, 3… with no gap; every sealed value of an entry decrypts at
 * its own row and column; its signed report verifies with the device key and names the same report id,
 * mission and device as the row; the number stored in clear equals the signed one; each entry's previous
 * hash is the SHA-256 of the signed bytes before it; a kept receipt is the agency's receipt for the
 * entry's sealed bytes. Incidents waiting for enrolment are not chained; only their decryption is checked.
 *
 * <p>Stateless. Reads only; the caller holds the database (one read, so one consistent view).
 */
final class JournalVerifier {

    private JournalVerifier() {
    }

    static JournalVerification verify(Connection c, VaultKey key) throws SQLException {
        List<Row> chained = new ArrayList<>();
        List<Row> pending = new ArrayList<>();
        // Only ids and positions first; each row's sealed values are read, checked and dropped one row at a
        // time, so a journal with large attachments is verified in bounded memory.
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, report_id, sequence FROM incidents ORDER BY sequence, id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long sequence = rows.getLong(3);
                boolean isChained = !rows.wasNull();
                Row row = new Row(rows.getLong(1), rows.getString(2), sequence);
                (isChained ? chained : pending).add(row);
            }
        }

        Optional<Enrolment> enrolment;
        try {
            enrolment = Enrolments.current(c, key);
        } catch (CellTamperedException | IllegalStateException | JsonParseException e) {
            enrolment = Optional.empty();
        }
        if (!chained.isEmpty() && enrolment.isEmpty()) {
            Row first = chained.get(0);
            return JournalVerification.broken(0, new BrokenEntry(1, first.reportId(), JournalProblem.NO_ENROLMENT,
                    first.storedAs(), 0, "entries are chained but the enrolment holding the device key is missing"
                    + " or does not decrypt"));
        }

        TreeMap<Long, Opened> byStored = new TreeMap<>();
        Map<Long, Opened> bySigned = new HashMap<>();
        for (Row row : chained) {
            Opened opened = open(c, row, key, enrolment.orElseThrow());
            byStored.put(row.storedAs(), opened);
            if (opened.problem() == null) {
                bySigned.putIfAbsent(opened.report().sequence(), opened);
            }
        }

        // Walk at least as many positions as there are rows, so that a row renumbered out of 1..N is met.
        long last = chained.isEmpty() ? 0 : Math.max(chained.get(chained.size() - 1).storedAs(), chained.size());
        String previousHash = Report.FIRST_PREVIOUS_HASH;
        int sound = 0;
        for (long position = 1; position <= last; position++) {
            Opened entry = byStored.get(position);
            if (entry == null) {
                Opened moved = bySigned.get(position);
                if (moved != null) {
                    return JournalVerification.broken(sound, new BrokenEntry(position, moved.row().reportId(),
                            JournalProblem.SEQUENCE, moved.row().storedAs(), position, "the entry signed as number "
                            + position + " is stored as number " + moved.row().storedAs()));
                }
                Long next = byStored.higherKey(position);
                if (next == null) {
                    next = 0L;
                }
                return JournalVerification.broken(sound, new BrokenEntry(position, null, JournalProblem.MISSING, next,
                        0, "no entry has number " + position + "; the next one found is " + next));
            }
            Row row = entry.row();
            if (entry.problem() != null) {
                return JournalVerification.broken(sound, new BrokenEntry(position, row.reportId(), entry.problem(),
                        row.storedAs(), entry.report() == null ? 0 : entry.report().sequence(), entry.detail()));
            }
            long signedAs = entry.report().sequence();
            if (signedAs != position) {
                return JournalVerification.broken(sound, new BrokenEntry(position, row.reportId(),
                        JournalProblem.SEQUENCE, row.storedAs(), signedAs, "the entry stored as number " + position
                        + " is signed as number " + signedAs));
            }
            if (!entry.report().previousHash().equals(previousHash)) {
                return JournalVerification.broken(sound, new BrokenEntry(position, row.reportId(), JournalProblem.LINK,
                        row.storedAs(), signedAs, "its previous-entry hash is not the SHA-256 of entry "
                        + (position - 1) + "'s signed bytes"));
            }
            previousHash = entry.signedSha256();
            sound++;
        }

        // The sealed head names the last position chained: entries removed from the end are missed by the walk.
        Optional<JournalHead> head;
        try {
            head = JournalHead.read(c, key);
        } catch (CellTamperedException | be.carnet.client.storage.StorageException e) {
            head = Optional.empty();
        }
        boolean headMatches = head.isPresent() ? head.get().sequence() == sound
                && head.get().signedSha256().equals(previousHash) : sound == 0;
        if (!headMatches) {
            long expected = head.map(JournalHead::sequence).orElse((long) sound);
            return JournalVerification.broken(sound, new BrokenEntry(sound + 1, null, JournalProblem.MISSING, 0, 0,
                    head.isPresent() ? "the journal's sealed head records " + expected + " entries; " + sound
                            + " were found" : "the journal's sealed head is missing or unreadable"));
        }

        for (Row row : pending) {
            try {
                key.open(Journal.column(c, row.id(), "fields_sealed"), Journal.cell(row.id(), "fields_sealed"));
            } catch (CellTamperedException e) {
                return JournalVerification.broken(sound, new BrokenEntry(0, row.reportId(),
                        JournalProblem.PENDING_UNREADABLE, 0, 0, e.getMessage()));
            }
        }
        return JournalVerification.intact(sound);
    }

    /** Decrypts and verifies one chained row on its own; the chain checks come after. */
    private static Opened open(Connection c, Row row, VaultKey key, Enrolment enrolment) throws SQLException {
        byte[] signed;
        byte[] sealed;
        byte[] receiptSealed;
        try {
            key.open(Journal.column(c, row.id(), "fields_sealed"), Journal.cell(row.id(), "fields_sealed"));
            signed = key.open(Journal.column(c, row.id(), "signed_sealed"), Journal.cell(row.id(), "signed_sealed"));
            sealed = key.open(Journal.column(c, row.id(), "report_sealed"), Journal.cell(row.id(), "report_sealed"));
            receiptSealed = Journal.column(c, row.id(), "receipt_sealed");
        } catch (CellTamperedException e) {
            return Opened.failed(row, JournalProblem.UNREADABLE, e.getMessage());
        }

        Report full;
        try {
            SignedEnvelope.Verified verified = SignedEnvelope.open(signed, enrolment.deviceKey().publicKey(),
                    Report.TYPE, SealedReport.MAX_SEALED_BYTES);
            full = Report.fromJson(verified.payload());
        } catch (SignatureException | JsonFormatException e) {
            return Opened.failed(row, JournalProblem.SIGNATURE, "the signed report does not verify with the device"
                    + " key: " + e.getMessage());
        }
        // Keep only what the chain walk needs, not the report's fields and attachments.
        Signed report = new Signed(full.sequence(), full.previousHash());
        String signedSha256 = Hashes.sha256Hex(signed);
        if (!full.reportId().equals(row.reportId()) || !full.missionId().equals(enrolment.missionId())
                || !full.deviceKeyId().equals(enrolment.deviceKey().publicKey().keyId())) {
            return new Opened(row, report, signedSha256, JournalProblem.FOREIGN, "the signed report names another"
                    + " report id, mission or device than its row");
        }

        if (receiptSealed != null) {
            try {
                byte[] receipt = key.open(receiptSealed, Journal.cell(row.id(), "receipt_sealed"));
                Receipt.verify(receipt, enrolment.agencyKey(), new Receipt.Expected(row.reportId(),
                        enrolment.missionId(), enrolment.deviceKey().publicKey().keyId(), Hashes.sha256Hex(sealed)));
            } catch (CellTamperedException e) {
                return new Opened(row, report, signedSha256, JournalProblem.UNREADABLE, e.getMessage());
            } catch (ReportRejectedException e) {
                return new Opened(row, report, signedSha256, JournalProblem.RECEIPT, e.getMessage());
            }
        }
        return new Opened(row, report, signedSha256, null, null);
    }

    private record Row(long id, String reportId, long storedAs) {
    }

    /** What the chain walk needs of a signed report: its position and its link. */
    private record Signed(long sequence, String previousHash) {
    }

    /** A row after its own checks: its position, link and signed bytes' hash, or the first problem found. */
    private record Opened(Row row, Signed report, String signedSha256, JournalProblem problem, String detail) {

        static Opened failed(Row row, JournalProblem problem, String detail) {
            return new Opened(row, null, null, problem, detail);
        }
    }
}
