package be.carnet.server.report;

import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import java.time.Instant;

/**
 * Everything the agency holds about one report. Every text field is what the traveller typed: untrusted,
 * to be escaped wherever it is shown.
 *
 * @param reportId the report
 * @param missionId its mission
 * @param alias the traveller whose device sent it
 * @param deviceKeyId the device that signed it
 * @param category what kind of event
 * @param severity how bad
 * @param tlp who may see it
 * @param occurredAt when, as the traveller wrote it
 * @param place where, as the traveller wrote it
 * @param description what happened, as the traveller wrote it
 * @param createdAt when the device made the entry ready
 * @param receivedAt when the agency first stored it
 * @param logPosition its position in the intake log
 * @param sealedSha256 hex SHA-256 of the sealed bytes as received
 * @param sequence its position in the device's journal
 * @param previousHash the hash of the previous journal entry it claims
 * @param chain how it links to the device's previous report
 */
public record ReportDetail(String reportId, String missionId, String alias, String deviceKeyId, Category category,
                           Severity severity, Tlp tlp, String occurredAt, String place, String description,
                           Instant createdAt, Instant receivedAt, long logPosition, String sealedSha256, long sequence,
                           String previousHash, Chain chain) {

    /** How a report's journal entry links to the one before it from the same device. */
    public enum Chain {
        /** Sequence 1, chained to the zero hash. */
        FIRST,
        /** The previous entry was received and its hash matches. */
        LINKED,
        /** The previous entry has not been received (yet): a gap. */
        GAP,
        /** The previous entry was received but its hash differs: a rewrite. */
        BROKEN
    }
}
