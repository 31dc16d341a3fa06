package be.carnet.client.vault;

import be.carnet.client.web.Chrome;

/**
 * The first-start page: choose a passphrase.
 *
 * @param chrome the page frame
 * @param minLength the passphrase rule, shown before typing
 * @param errorKey the broken rule's message key, or null
 */
public record SetupPage(Chrome chrome, int minLength, String errorKey) {
}
