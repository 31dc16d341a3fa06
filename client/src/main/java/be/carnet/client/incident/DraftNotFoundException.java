package be.carnet.client.incident;

/** The draft (or journal entry) asked for does not exist: deleted, already made ready, or a wrong address. */
public final class DraftNotFoundException extends RuntimeException {

    public DraftNotFoundException() {
        super("no such draft or entry");
    }
}
