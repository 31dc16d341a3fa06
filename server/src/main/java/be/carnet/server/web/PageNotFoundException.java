package be.carnet.server.web;

/** A staff page for an object that does not exist; answered with 404. */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String message) {
        super(message);
    }
}
