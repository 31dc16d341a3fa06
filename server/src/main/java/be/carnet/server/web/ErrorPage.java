package be.carnet.server.web;

/**
 * The error page.
 *
 * @param layout the page frame
 * @param status the HTTP status
 * @param message what went wrong, localized
 */
public record ErrorPage(Layout layout, int status, String message) {
}
