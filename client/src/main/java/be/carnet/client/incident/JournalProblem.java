package be.carnet.client.incident;

/**
 * What can be wrong with a journal entry, in the order {@link JournalVerifier} checks one entry. Each has a
 * message {@code client.journal.verify.<key>} with the placeholders {@code {0}} position, {@code {1}} the
 * number stored in clear, {@code {2}} the signed number.
 */
public enum JournalProblem {

    /** Entries are chained but the enrolment (the device key that signs them) is missing or unreadable. */
    NO_ENROLMENT("noEnrolment"),
    /** No entry at this position: the journal jumps from the previous one to a later number. */
    MISSING("missing"),
    /** A sealed value of the entry does not decrypt at its row and column: altered, or moved from another row. */
    UNREADABLE("unreadable"),
    /** The signed report does not verify with the device key, or is not a well-formed report. */
    SIGNATURE("signature"),
    /** The signed report names another report id, mission or device than the row that holds it. */
    FOREIGN("foreign"),
    /** The number stored in clear differs from the number in the signed report (renumbered or reordered). */
    SEQUENCE("sequence"),
    /** The previous-entry hash does not match the SHA-256 of the previous entry's signed bytes. */
    LINK("link"),
    /** The kept receipt is not the agency's receipt for this entry's sealed bytes. */
    RECEIPT("receipt"),
    /** An incident still waiting for enrolment (not chained yet) does not decrypt. */
    PENDING_UNREADABLE("pendingUnreadable");

    private final String key;

    JournalProblem(String key) {
        this.key = key;
    }

    /** The message key for the traveller, {@code client.journal.verify.<key>}. */
    public String messageKey() {
        return "client.journal.verify." + key;
    }
}
