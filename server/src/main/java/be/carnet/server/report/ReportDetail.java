package be.carnet.server.report;

import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import java.time.Instant;
import java.util.List;

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
 * @param approximate true when the traveller marked that time as approximate
 * @param place where, as the traveller wrote it
 * @param tripDevice which of the traveller's trip devices was involved, as they named it; empty for none
 * @param description what happened, as the traveller wrote it
 * @param actionsTaken what the traveller had already done, as they wrote it; may be empty
 * @param ongoing true when it was still going on when the traveller logged it
 * @param outOfSightMinutes how long a device was out of sight (T02 and T03), or {@code null} when not given
 * @param accounts the accounts involved, as the traveller wrote them; may be empty
 * @param amends the id of the report this addendum corrects, or empty when it is no addendum
 * @param amended that report, when it was received in the same mission; {@code null} otherwise
 * @param addenda the reports of the same mission that correct this one, in log order
 * @param attachments the attached files, in their order, without their bytes
 * @param createdAt when the device made the entry ready
 * @param receivedAt when the agency first stored it
 * @param logPosition its position in the intake log
 * @param sealedSha256 hex SHA-256 of the sealed bytes as received
 * @param sequence its position in the device's journal
 * @param previousHash the hash of the previous journal entry it claims
 * @param chain how it links to the device's previous report
 */
public record ReportDetail(String reportId, String missionId, String alias, String deviceKeyId, Category category,
                           Severity severity, Tlp tlp, String occurredAt, boolean approximate, String place,
                           String tripDevice, String description, String actionsTaken, boolean ongoing,
                           Integer outOfSightMinutes, String accounts, String amends, ReportLink amended,
                           List<ReportLink> addenda, List<AttachmentInfo> attachments, Instant createdAt,
                           Instant receivedAt, long logPosition, String sealedSha256, long sequence,
                           String previousHash, Chain chain) {

    public ReportDetail {
        addenda = List.copyOf(addenda);
        attachments = List.copyOf(attachments);
    }

    /** True when this report corrects an earlier one. */
    public boolean isAddendum() {
        return !amends.isEmpty();
    }

    /** The whole hours of the time out of sight; only when {@link #outOfSightMinutes} is given. */
    public int outOfSightHoursPart() {
        return outOfSightMinutes / 60;
    }

    /** The minutes past the whole hours of the time out of sight; only when {@link #outOfSightMinutes} is given. */
    public int outOfSightMinutesPart() {
        return outOfSightMinutes % 60;
    }

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
