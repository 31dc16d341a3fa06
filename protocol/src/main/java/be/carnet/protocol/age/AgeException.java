package be.carnet.protocol.age;

/** An age file that cannot be decrypted or produced; the message says why, never a key. */
public class AgeException extends RuntimeException {

    public AgeException(String message) {
        super(message);
    }

    public AgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
