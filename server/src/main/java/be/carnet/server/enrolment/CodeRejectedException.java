package be.carnet.server.enrolment;

/**
 * An enrolment code that is unknown, expired or already used by another device. One exception and one
 * message for all three, so the enrolment endpoint tells an attacker nothing about which it was.
 */
public class CodeRejectedException extends RuntimeException {

    public static final String MESSAGE = "the enrolment code is unknown, expired or already used by another device";

    public CodeRejectedException() {
        super(MESSAGE);
    }
}
