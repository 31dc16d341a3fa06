package be.carnet.client.vault;

import be.carnet.client.web.Chrome;

/**
 * The first-start page: choose a passphrase.
 *
 * @param chrome the page frame
 * @param minLength the passphrase rule, shown before typing
 * @param errorKey the broken rule's message key, or null
 * @param errorArgument the number the error message names ({@code {0}}): the minimum or the maximum length
 */
public record SetupPage(Chrome chrome, int minLength, String errorKey, int errorArgument) {
}
