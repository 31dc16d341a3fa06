package be.carnet.client.incident;

/**
 * A sealed report waiting for its receipt: the exact bytes sealed once at save, resent unchanged.
 *
 * @param reportId the report id (the idempotency key)
 * @param sequence its journal position
 * @param sealed the age-encrypted signed report
 */
public record Outgoing(String reportId, long sequence, byte[] sealed) {

    /**
     * A report waiting for its receipt, before its bytes are loaded.
     *
     * @param reportId its report id
     * @param sequence its journal position
     */
    public record Waiting(String reportId, long sequence) {
    }
}
