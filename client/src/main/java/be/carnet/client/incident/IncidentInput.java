package be.carnet.client.incident;

/**
 * The incident form as submitted: untrusted strings, any of which may be null. {@link IncidentValidator}
 * turns it into an {@link be.carnet.protocol.report.Incident} or a list of field errors.
 */
public record IncidentInput(String category, String severity, String tlp, String occurredAt, String zone,
                            String place, String description) {
}
