package be.carnet.server.report;

import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Severity;
import java.time.Instant;

/**
 * One line of a mission's report list.
 *
 * @param reportId the report
 * @param alias the traveller whose device sent it
 * @param category what kind of event
 * @param severity how bad
 * @param receivedAt when the agency first stored it
 * @param logPosition its position in the intake log
 * @param addendum true when it corrects an earlier report
 * @param attachmentCount how many files are attached
 */
public record ReportSummary(String reportId, String alias, Category category, Severity severity, Instant receivedAt,
                            long logPosition, boolean addendum, int attachmentCount) {
}
