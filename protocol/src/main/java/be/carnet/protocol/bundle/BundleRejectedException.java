package be.carnet.protocol.bundle;

/** A bundle that is refused; nothing from it was installed. The message names the rule. */
public class BundleRejectedException extends RuntimeException {

    public BundleRejectedException(String message) {
        super(message);
    }

    public BundleRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
