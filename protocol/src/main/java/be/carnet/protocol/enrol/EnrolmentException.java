package be.carnet.protocol.enrol;

/** An enrolment code, request or answer that is refused; the message names the rule. */
public class EnrolmentException extends RuntimeException {

    public EnrolmentException(String message) {
        super(message);
    }

    public EnrolmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
