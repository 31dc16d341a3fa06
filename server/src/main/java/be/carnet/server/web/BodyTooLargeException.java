package be.carnet.server.web;

/** A request body over the endpoint's limit; refused with 413 before more of it is read. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes");
    }
}
