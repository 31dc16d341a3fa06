package be.carnet.server.staff;

import be.carnet.server.web.Layout;

/**
 * The login page.
 *
 * @param layout the page frame
 * @param error the localized error of the last attempt, or {@code null}
 * @param username what was typed, to type it again
 */
public record LoginPage(Layout layout, String error, String username) {
}
