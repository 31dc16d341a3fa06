package be.carnet.client.incident;

/**
 * The incident form as submitted: untrusted strings, any of which may be null. {@link IncidentValidator}
 * turns it into an {@link be.carnet.protocol.report.Incident} or a list of field errors. Check boxes are
 * {@code "on"} when ticked.
 */
public record IncidentInput(String category, String severity, String tlp, String occurredAt, String zone,
                            String approximate, String place, String device, String description, String actionsTaken,
                            String ongoing, String outOfSightHours, String outOfSightMinutes, String accounts) {

    /** The first fields only (the rest empty), as the first version of the form had them. */
    public IncidentInput(String category, String severity, String tlp, String occurredAt, String zone, String place,
                         String description) {
        this(category, severity, tlp, occurredAt, zone, null, place, null, description, null, null, null, null, null);
    }

    /** Whether a check box value means ticked. */
    public static boolean ticked(String value) {
        return "on".equals(value) || "true".equals(value);
    }
}
