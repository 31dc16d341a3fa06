package be.carnet.client.web;

/**
 * An error page.
 *
 * @param chrome the page frame
 * @param status the HTTP status
 * @param messageKey what to say
 */
public record ErrorPage(Chrome chrome, int status, String messageKey) {
}
