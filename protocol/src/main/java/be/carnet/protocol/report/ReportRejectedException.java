package be.carnet.protocol.report;

/** A sealed report or receipt that is refused; the message names the rule it broke. */
public class ReportRejectedException extends RuntimeException {

    public ReportRejectedException(String message) {
        super(message);
    }

    public ReportRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
