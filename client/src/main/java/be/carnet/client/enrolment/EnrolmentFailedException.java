package be.carnet.client.enrolment;

import be.carnet.client.agency.AgencyException;

/**
 * An enrolment that did not happen; nothing was stored on the device, and unless the agency's confirmation
 * was already sent, the code is still unused. {@link #reason()} says what to tell the traveller.
 */
public class EnrolmentFailedException extends Exception {

    /** Why. */
    public enum Reason {
        ALREADY_ENROLLED,
        /** The agency did not answer usefully; see {@link #agencyKind()}. */
        AGENCY,
        /**
         * The agency at this address announces a key that does not match the code's last twelve characters:
         * found before anything is sent, so the code is untouched (a typo, or the wrong address).
         */
        CODE_MISMATCH,
        /** The offer or answer is signed by a key that does not match the fingerprint in the code. */
        WRONG_AGENCY,
        /** The answer is malformed, badly signed, or for another device. */
        INVALID_ANSWER
    }

    private final Reason reason;
    private final AgencyException.Kind agencyKind;

    public EnrolmentFailedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.agencyKind = cause instanceof AgencyException agency ? agency.kind() : null;
    }

    public Reason reason() {
        return reason;
    }

    /** The agency failure kind when {@link #reason()} is {@link Reason#AGENCY}, else null. */
    public AgencyException.Kind agencyKind() {
        return agencyKind;
    }
}
