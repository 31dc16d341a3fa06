package be.carnet.client.vault;

import be.carnet.client.web.Chrome;

/**
 * The lock screen.
 *
 * @param chrome the page frame
 * @param errorKey the error's message key, or null
 * @param nextWaitSeconds after a wrong passphrase, how long a wrong next try will wait; else 0
 */
public record UnlockPage(Chrome chrome, String errorKey, long nextWaitSeconds) {

    public UnlockPage(Chrome chrome, String errorKey) {
        this(chrome, errorKey, 0);
    }
}
