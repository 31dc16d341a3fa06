package be.carnet.server.intake;

/** A sealed report that does not decrypt, verify or match; nothing was stored. The message names the rule. */
public class InvalidReportException extends RuntimeException {

    public InvalidReportException(String message) {
        super(message);
    }

    public InvalidReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
