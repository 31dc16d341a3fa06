package be.carnet.server.staff;

/** Too many logins are being checked at once; the password was not checked. Answered with 503. */
public final class LoginBusyException extends RuntimeException {

    public LoginBusyException() {
        super("too many logins are being checked at once; retry in a few seconds");
    }
}
