package be.carnet.server.enrolment;

/** An enrolment request that is not a well-formed request signed by the key it names. */
public class MalformedEnrolmentException extends RuntimeException {

    public MalformedEnrolmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
