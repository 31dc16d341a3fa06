package be.carnet.content;

/** A content tool failure the author can fix; the message says what to do. */
public class ContentException extends RuntimeException {

    public ContentException(String message) {
        super(message);
    }
}
