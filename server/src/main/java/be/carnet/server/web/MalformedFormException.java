package be.carnet.server.web;

/**
 * A form body that cannot be read as the route expects: multipart where only a plain form is taken (415), or a
 * multipart body that does not parse (400). Answered with a short page and one log line, never a stack trace.
 */
public class MalformedFormException extends RuntimeException {

    private final int status;

    public MalformedFormException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 400 or 415. */
    public int status() {
        return status;
    }
}
