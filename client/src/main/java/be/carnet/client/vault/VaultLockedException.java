package be.carnet.client.vault;

/** The vault is locked (or not yet created): its key is not in memory. */
public class VaultLockedException extends RuntimeException {

    public VaultLockedException() {
        super("the vault is locked");
    }
}
