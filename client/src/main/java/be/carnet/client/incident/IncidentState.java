package be.carnet.client.incident;

import java.util.Locale;

/** Where an incident is on its way to the agency. Stored in clear: it says nothing about the content. */
public enum IncidentState {
    /** Logged before enrolment: kept sealed by the vault, chained and signed at enrolment. */
    PENDING,
    /** Signed and sealed to the agency, not yet sent. */
    READY,
    /** The agency answered but gave no valid receipt yet; the next sync sends the same bytes again. */
    SENT,
    /** The agency's signed receipt is verified and kept. */
    ACKNOWLEDGED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IncidentState fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
