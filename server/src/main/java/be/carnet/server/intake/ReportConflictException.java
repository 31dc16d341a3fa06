package be.carnet.server.intake;

/** A report id that was already received with other bytes; the stored report is unchanged. */
public class ReportConflictException extends RuntimeException {

    public ReportConflictException(String reportId) {
        super("report " + reportId + " was already received with other bytes; nothing was overwritten");
    }
}
