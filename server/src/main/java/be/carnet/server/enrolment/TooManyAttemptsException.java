package be.carnet.server.enrolment;

/** A client that had too many refused enrolment attempts lately; answered with 429. */
public class TooManyAttemptsException extends RuntimeException {

    public TooManyAttemptsException() {
        super("too many refused enrolment attempts from this address; wait before trying again");
    }
}
