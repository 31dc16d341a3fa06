package be.carnet.client.web;

/** A request without a valid session cookie: only the launcher's one-time link opens a session. */
public final class NoSessionException extends RuntimeException {

    NoSessionException() {
        super("no valid session");
    }
}
