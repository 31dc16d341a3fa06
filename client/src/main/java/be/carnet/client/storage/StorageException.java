package be.carnet.client.storage;

/** The vault database cannot be opened, migrated or written; the message says which and where. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
