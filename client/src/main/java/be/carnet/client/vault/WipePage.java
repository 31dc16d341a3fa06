package be.carnet.client.vault;

import be.carnet.client.web.Chrome;

/**
 * The panic wipe page: type the word shown to erase everything.
 *
 * @param chrome the page frame
 * @param word the word to type, in the traveller's language
 * @param errorKey the error's message key, or null
 */
public record WipePage(Chrome chrome, String word, String errorKey) {
}
