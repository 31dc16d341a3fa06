package be.carnet.client.sync;

import be.carnet.client.agency.AgencyException;

import be.carnet.client.web.Chrome;
import java.util.List;

/**
 * The sync page: what waits, and after a sync what it did.
 *
 * @param chrome the page frame
 * @param enrolled false before enrolment (nothing can be sent yet)
 * @param server the agency address the reports go to, or null
 * @param waiting sealed reports without a receipt
 * @param outcome the sync just done, or null on a plain visit
 * @param receipts every receipt kept, in journal order
 * @param drafts drafts on the laptop, which a sync does not send
 */
public record SyncPage(Chrome chrome, boolean enrolled, String server, int waiting, SyncOutcome outcome,
                       List<KeptReceipt> receipts, int drafts) {

    public SyncPage {
        receipts = List.copyOf(receipts);
    }

    /** The failed reports of the sync just done. */
    public List<ReportResult> failures() {
        return outcome == null ? List.of()
                : outcome.results().stream().filter(r -> r.outcome() != ReportResult.Outcome.ACKNOWLEDGED).toList();
    }

    /** How many reports the sync just done acknowledged. */
    public long acknowledgedNow() {
        return outcome == null ? 0 : outcome.count(ReportResult.Outcome.ACKNOWLEDGED);
    }

    /** True when {@code reportId} was acknowledged by the sync just done. */
    public boolean justAcknowledged(String reportId) {
        return outcome != null && outcome.results().stream()
                .anyMatch(r -> r.reportId().equals(reportId) && r.outcome() == ReportResult.Outcome.ACKNOWLEDGED);
    }

    /** The message key of a failed report's outcome. */
    public static String outcomeKey(ReportResult.Outcome outcome) {
        return switch (outcome) {
            case ACKNOWLEDGED -> "client.sync.outcome.acknowledged";
            case CONFLICT -> "client.sync.outcome.conflict";
            case INVALID_RECEIPT -> "client.sync.outcome.invalidReceipt";
            case REFUSED -> "client.sync.outcome.refused";
            case NOT_SENT -> "client.sync.outcome.notSent";
        };
    }

    /** The message key of why a sync stopped early, or null. */
    public String stoppedKey() {
        if (outcome == null || outcome.stoppedBy() == null) {
            return null;
        }
        return outcome.stoppedBy() == AgencyException.Kind.BUSY ? "client.sync.stopped.busy" : "client.sync.stopped.unreachable";
    }
}
