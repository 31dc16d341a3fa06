package be.carnet.server.intake;

/** Too many reports are being opened at once; the device should retry later. */
public class IntakeBusyException extends RuntimeException {

    public IntakeBusyException() {
        super("the server is opening too many reports at once; retry later");
    }
}
