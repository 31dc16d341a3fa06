package be.carnet.client.vault;

/** A stored value that does not decrypt at its address: altered, truncated, or moved from elsewhere. */
public class CellTamperedException extends RuntimeException {

    public CellTamperedException(String message) {
        super(message);
    }

    public CellTamperedException(String message, Throwable cause) {
        super(message, cause);
    }
}
