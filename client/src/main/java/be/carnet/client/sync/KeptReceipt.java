package be.carnet.client.sync;

import java.time.Instant;

/**
 * A receipt the app keeps, as shown to the traveller.
 *
 * @param reportId the report acknowledged
 * @param sequence its journal position on this device
 * @param logPosition its position in the agency's log
 * @param receivedAt when the agency received it
 */
public record KeptReceipt(String reportId, long sequence, long logPosition, Instant receivedAt) {
}
