package be.carnet.client.sync;

import java.time.Instant;

/**
 * What one sync did with one report.
 *
 * @param reportId the report
 * @param sequence its journal position
 * @param outcome what happened
 * @param logPosition the agency log position from the verified receipt, or 0
 * @param receivedAt when the agency received it, from the verified receipt, or null
 */
public record ReportResult(String reportId, long sequence, Outcome outcome, long logPosition, Instant receivedAt) {

    /** What happened to a report. */
    public enum Outcome {
        /** A valid receipt is stored; the report is acknowledged. */
        ACKNOWLEDGED,
        /** The agency holds other bytes under this id (409); nothing changed on either side. */
        CONFLICT,
        /** The agency answered with a receipt that does not verify; the report stays unacknowledged. */
        INVALID_RECEIPT,
        /** The agency refused the report (400, 413 or an unexpected answer). */
        REFUSED,
        /** The agency could not be reached or stayed busy; the report waits for the next sync. */
        NOT_SENT
    }

    static ReportResult failed(String reportId, long sequence, Outcome outcome) {
        return new ReportResult(reportId, sequence, outcome, 0, null);
    }
}
