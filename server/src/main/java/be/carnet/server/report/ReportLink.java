package be.carnet.server.report;

import be.carnet.protocol.report.Category;
import java.time.Instant;

/**
 * Another report of the same mission that a report points to (the entry an addendum corrects) or that
 * points to it (its addenda).
 *
 * @param reportId the other report
 * @param logPosition its position in the intake log
 * @param alias the traveller whose device sent it
 * @param category what kind of event
 * @param receivedAt when the agency first stored it
 * @param sameDevice true when the same device sent both reports; false is unusual (the traveller's app
 *                   only amends its own entries) and worth a look
 */
public record ReportLink(String reportId, long logPosition, String alias, Category category, Instant receivedAt,
                         boolean sameDevice) {
}
