package be.carnet.client.agency;

/**
 * A call to the agency that did not give a usable answer. {@link #kind()} says what to tell the
 * traveller; the message (English, for logs) never holds a code, key or report content.
 */
public class AgencyException extends Exception {

    /** What went wrong, as the traveller needs to know it. */
    public enum Kind {
        /** No answer: no network, server down, connection dropped, timeout (after retries). */
        UNREACHABLE,
        /** The server stayed busy (503 or 429) after retries. */
        BUSY,
        /** 409: the agency holds other bytes under this report id; nothing was overwritten. */
        CONFLICT,
        /** 403 at enrolment: code unknown, expired or used by another device. */
        CODE_REJECTED,
        /** 404: no bundle published, or no such mission. */
        NOT_FOUND,
        /** 413: too large. */
        TOO_LARGE,
        /** 400 or another refusal. */
        REJECTED,
        /** The answer is not what the API promises (wrong status, too large). */
        PROTOCOL
    }

    private final Kind kind;
    private final int status;

    public AgencyException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public AgencyException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = 0;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
