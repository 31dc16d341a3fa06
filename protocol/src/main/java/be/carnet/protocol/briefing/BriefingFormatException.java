package be.carnet.protocol.briefing;

/** A briefing file that breaks a rule of the format, with the 1-based line where it does. */
public class BriefingFormatException extends RuntimeException {

    private final int line;

    public BriefingFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line number, or 0 for the file as a whole. */
    public int line() {
        return line;
    }
}
