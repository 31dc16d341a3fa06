package be.carnet.client.vault;

import be.carnet.client.web.Chrome;

/**
 * The lock screen.
 *
 * @param chrome the page frame
 * @param errorKey the error's message key, or null
 */
public record UnlockPage(Chrome chrome, String errorKey) {
}
