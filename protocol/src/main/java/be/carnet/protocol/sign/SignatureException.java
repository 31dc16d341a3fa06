package be.carnet.protocol.sign;

/** A key or signature that Carnet refuses; the message says which rule failed. */
public class SignatureException extends RuntimeException {

    public SignatureException(String message) {
        super(message);
    }

    public SignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
