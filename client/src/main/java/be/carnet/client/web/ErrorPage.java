package be.carnet.client.web;

import java.util.List;

/**
 * An error page.
 *
 * @param chrome the page frame
 * @param status the HTTP status
 * @param messageKey what to say
 * @param args the message's placeholders
 * @param back a local page to go back to (the draft an upload was for), or null
 */
public record ErrorPage(Chrome chrome, int status, String messageKey, List<Object> args, String back) {

    public ErrorPage {
        args = List.copyOf(args);
    }

    public ErrorPage(Chrome chrome, int status, String messageKey, List<Object> args) {
        this(chrome, status, messageKey, args, null);
    }

    public ErrorPage(Chrome chrome, int status, String messageKey) {
        this(chrome, status, messageKey, List.of());
    }
}
