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
        try (PreparedStatement select = c.prepareStatement("SELECT id, report_id, sequence, fields_sealed,"
                + " signed_sealed, report_sealed, receipt_sealed FROM incidents ORDER BY sequence, id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long sequence = rows.getLong(3);
                boolean isChained = !rows.wasNull();
                Row row = new Row(rows.getLong(1), rows.getString(2), sequence, rows.getBytes(4), rows.getBytes(5),
                        rows.getBytes(6), rows.getBytes(7));
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
            Opened opened = open(row, key, enrolment.orElseThrow());
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
            previousHash = Hashes.sha256Hex(entry.signed());
            sound++;
        }

        for (Row row : pending) {
            try {
                key.open(row.fields(), Journal.cell(row.id(), "fields_sealed"));
            } catch (CellTamperedException e) {
                return JournalVerification.broken(sound, new BrokenEntry(0, row.reportId(),
                        JournalProblem.PENDING_UNREADABLE, 0, 0, e.getMessage()));
            }
        }
        return JournalVerification.intact(sound);
    }

    /** Decrypts and verifies one chained row on its own; the chain checks come after. */
    private static Opened open(Row row, VaultKey key, Enrolment enrolment) {
        byte[] signed;
        byte[] sealed;
        try {
            key.open(row.fields(), Journal.cell(row.id(), "fields_sealed"));
            signed = key.open(row.signed(), Journal.cell(row.id(), "signed_sealed"));
            sealed = key.open(row.sealed(), Journal.cell(row.id(), "report_sealed"));
        } catch (CellTamperedException e) {
            return Opened.failed(row, JournalProblem.UNREADABLE, e.getMessage());
        }

        Report report;
        try {
            SignedEnvelope.Verified verified = SignedEnvelope.open(signed, enrolment.deviceKey().publicKey(),
                    Report.TYPE, SealedReport.MAX_SEALED_BYTES);
            report = Report.fromJson(verified.payload());
        } catch (SignatureException | JsonFormatException e) {
            return Opened.failed(row, JournalProblem.SIGNATURE, "the signed report does not verify with the device"
                    + " key: " + e.getMessage());
        }
        if (!report.reportId().equals(row.reportId()) || !report.missionId().equals(enrolment.missionId())
                || !report.deviceKeyId().equals(enrolment.deviceKey().publicKey().keyId())) {
            return new Opened(row, report, signed, JournalProblem.FOREIGN, "the signed report names another report"
                    + " id, mission or device than its row");
        }

        if (row.receipt() != null) {
            try {
                byte[] receipt = key.open(row.receipt(), Journal.cell(row.id(), "receipt_sealed"));
                Receipt.verify(receipt, enrolment.agencyKey(), row.reportId(), Hashes.sha256Hex(sealed));
            } catch (CellTamperedException e) {
                return new Opened(row, report, signed, JournalProblem.UNREADABLE, e.getMessage());
            } catch (ReportRejectedException e) {
                return new Opened(row, report, signed, JournalProblem.RECEIPT, e.getMessage());
            }
        }
        return new Opened(row, report, signed, null, null);
    }

    private record Row(long id, String reportId, long storedAs, byte[] fields, byte[] signed, byte[] sealed,
                       byte[] receipt) {
    }

    /** A row after its own checks: the verified report and signed bytes, or the first problem found. */
    private record Opened(Row row, Report report, byte[] signed, JournalProblem problem, String detail) {

        static Opened failed(Row row, JournalProblem problem, String detail) {
            return new Opened(row, null, null, problem, detail);
        }
    }
}
