package be.carnet.client.incident;

import be.carnet.protocol.report.Incident;
import java.time.Instant;

/**
 * One incident of the journal, decrypted for display.
 *
 * @param reportId its report id
 * @param state where it is on its way
 * @param sequence its journal position, or 0 while pending
 * @param createdAt when it was logged
 * @param incident what was logged
 */
public record JournalEntry(String reportId, IncidentState state, long sequence, Instant createdAt,
                           Incident incident) {
}
