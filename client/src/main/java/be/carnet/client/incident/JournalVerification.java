package be.carnet.client.incident;

/**
 * The answer of {@link Journal#verify()}: the chain is intact, or the first broken entry.
 *
 * @param entries chained entries found sound: all of them when intact, those before the break otherwise
 * @param firstBreak the first broken entry in journal order, or null when the journal is intact
 */
public record JournalVerification(int entries, BrokenEntry firstBreak) {

    static JournalVerification intact(int entries) {
        return new JournalVerification(entries, null);
    }

    static JournalVerification broken(int soundBefore, BrokenEntry firstBreak) {
        return new JournalVerification(soundBefore, firstBreak);
    }

    public boolean intact() {
        return firstBreak == null;
    }

    /** One English line for logs and tests, e.g. {@code intact (12 entries)}; names no secret. */
    public String describe() {
        return intact() ? "intact (" + entries + " entries)" : firstBreak.describe();
    }

    /**
     * The first entry where the journal breaks.
     *
     * @param position the journal position (1 for the first entry) where the break is; 0 for an incident
     *     not chained yet
     * @param reportId the report id of the row found there, or null when the position is empty
     * @param problem what is wrong
     * @param storedAs the sequence number stored in clear in that row (for {@link JournalProblem#MISSING},
     *     the number of the next entry found); 0 when there is none
     * @param signedAs the sequence number inside the signed report, 0 when it could not be read
     * @param detail an English explanation for logs, naming the rule and no secret
     */
    public record BrokenEntry(long position, String reportId, JournalProblem problem, long storedAs, long signedAs,
                              String detail) {

        public String describe() {
            return "entry " + position + " broken (" + problem.name().toLowerCase(java.util.Locale.ROOT) + "): "
                    + detail;
        }
    }
}
