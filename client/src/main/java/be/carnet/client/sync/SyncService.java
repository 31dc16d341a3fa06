package be.carnet.client.sync;

import be.carnet.client.agency.Agency;
import be.carnet.client.agency.AgencyConnector;
import be.carnet.client.agency.AgencyException;
import be.carnet.client.agency.NotEnrolledException;

import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.enrolment.EnrolmentService;
import be.carnet.client.incident.Journal;
import be.carnet.client.incident.Outgoing;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.report.Receipt;
import be.carnet.protocol.report.ReportRejectedException;
import be.carnet.protocol.sign.SignatureException;
import be.carnet.protocol.sign.SignedEnvelope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every sealed report that has no receipt yet, verifies each receipt against the pinned agency key,
 * the report id and the hash of the exact bytes sent, and keeps it. Nothing local is deleted or changed
 * without a valid receipt; a failed sync leaves everything for the next one, which sends the same
 * bytes (the report id makes that safe). Runs only when the traveller asks. Thread-safe: one sync at a
 * time.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final Journal journal;
    private final EnrolmentService enrolments;
    private final AgencyConnector agencies;

    public SyncService(Journal journal, EnrolmentService enrolments, AgencyConnector agencies) {
        this.journal = journal;
        this.enrolments = enrolments;
        this.agencies = agencies;
    }

    /**
     * Syncs now.
     *
     * @throws NotEnrolledException before enrolment
     */
    public synchronized SyncOutcome syncAll() {
        Enrolment enrolment = enrolments.current().orElseThrow(NotEnrolledException::new);
        Agency agency = agencies.connect(enrolment.server());
        List<ReportResult> results = new ArrayList<>();
        AgencyException.Kind stoppedBy = null;
        for (Outgoing.Waiting waiting : journal.waiting()) {
            if (stoppedBy != null) {
                results.add(ReportResult.failed(waiting.reportId(), waiting.sequence(), ReportResult.Outcome.NOT_SENT));
                continue;
            }
            Optional<Outgoing> loaded = journal.outgoing(waiting.reportId());
            if (loaded.isEmpty()) {
                continue;
            }
            Outgoing report = loaded.get();
            byte[] untrustedReceipt;
            try {
                untrustedReceipt = agency.sendReport(report.reportId(), report.sealed());
            } catch (AgencyException e) {
                LOG.warn("report {} not synced: {}", report.reportId(), e.getMessage());
                ReportResult.Outcome outcome = switch (e.kind()) {
                    case CONFLICT -> ReportResult.Outcome.CONFLICT;
                    case UNREACHABLE, BUSY -> ReportResult.Outcome.NOT_SENT;
                    default -> ReportResult.Outcome.REFUSED;
                };
                if (outcome == ReportResult.Outcome.NOT_SENT) {
                    stoppedBy = e.kind();
                }
                results.add(ReportResult.failed(report.reportId(), report.sequence(), outcome));
                continue;
            }
            results.add(accept(enrolment, report, untrustedReceipt));
        }
        SyncOutcome outcome = new SyncOutcome(results, stoppedBy);
        LOG.info("sync: {} acknowledged, {} waiting", outcome.count(ReportResult.Outcome.ACKNOWLEDGED),
                results.size() - outcome.count(ReportResult.Outcome.ACKNOWLEDGED));
        return outcome;
    }

    private ReportResult accept(Enrolment enrolment, Outgoing report, byte[] untrustedReceipt) {
        Receipt receipt;
        try {
            receipt = Receipt.verify(untrustedReceipt, enrolment.agencyKey(), new Receipt.Expected(report.reportId(),
                    enrolment.missionId(), enrolment.deviceKey().publicKey().keyId(), Hashes.sha256Hex(report.sealed())));
        } catch (ReportRejectedException e) {
            LOG.warn("report {}: receipt refused: {}", report.reportId(), e.getMessage());
            journal.markSent(report.reportId());
            return ReportResult.failed(report.reportId(), report.sequence(), ReportResult.Outcome.INVALID_RECEIPT);
        }
        journal.acknowledge(report.reportId(), untrustedReceipt);
        return new ReportResult(report.reportId(), report.sequence(), ReportResult.Outcome.ACKNOWLEDGED,
                receipt.logPosition(), receipt.receivedAt());
    }

    /**
     * The receipts kept so far, in journal order. They were verified against the pinned key before being
     * stored, and the vault seal keeps them intact since, so they are read, not verified again. A stored
     * receipt that cannot be read is left out and its report id logged at WARN.
     */
    public List<KeptReceipt> receipts() {
        if (enrolments.current().isEmpty()) {
            return List.of();
        }
        List<KeptReceipt> kept = new ArrayList<>();
        for (Journal.StoredReceipt entry : journal.receipts()) {
            try {
                JsonFields f = JsonFields.of(SignedEnvelope.parse(entry.receipt(), Receipt.MAX_BYTES).untrustedPayload(),
                        "receipt");
                kept.add(new KeptReceipt(entry.reportId(), entry.sequence(), f.integer("logPosition", 1, Long.MAX_VALUE),
                        Instant.parse(f.string("receivedAt", 40))));
            } catch (SignatureException | JsonFormatException | DateTimeParseException e) {
                LOG.warn("report {}: stored receipt unreadable, not shown: {}", entry.reportId(), e.getMessage());
            }
        }
        return kept;
    }
}
