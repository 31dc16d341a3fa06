package be.carnet.server.storage;

/** The agency database failed or refused to open; the message names the file and the rule, never data. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
