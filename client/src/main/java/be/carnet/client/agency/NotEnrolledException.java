package be.carnet.client.agency;

/** Sync or a bundle download was asked for before this device enrolled. */
public class NotEnrolledException extends RuntimeException {

    public NotEnrolledException() {
        super("this device is not enrolled yet");
    }
}
