package be.carnet.protocol.enrol;

/** The agency key offered does not match the fingerprint part of the enrolment code. */
public final class WrongAgencyException extends EnrolmentException {

    public WrongAgencyException() {
        super("the agency key does not match the fingerprint in the enrolment code");
    }
}
