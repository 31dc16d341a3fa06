package be.carnet.client.incident;

import be.carnet.protocol.report.Incident;
import java.time.Instant;
import java.util.List;

/**
 * One incident of the journal, decrypted for display.
 *
 * @param reportId its report id
 * @param state where it is on its way
 * @param sequence its journal position, or 0 while pending
 * @param createdAt when it was logged
 * @param incident what was logged (its attachments are described by {@code attachments}, not carried)
 * @param attachments the attached files
 * @param zone the time zone the traveller chose for it, or empty
 */
public record JournalEntry(String reportId, IncidentState state, long sequence, Instant createdAt,
                           Incident incident, List<AttachmentInfo> attachments, String zone) {

    public JournalEntry {
        attachments = List.copyOf(attachments);
    }

    /** Whether this entry corrects an earlier one. */
    public boolean isAddendum() {
        return !incident.amends().isEmpty();
    }
}
