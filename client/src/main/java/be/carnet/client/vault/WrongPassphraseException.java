package be.carnet.client.vault;

/** The passphrase does not open the vault. Carries nothing about the passphrase itself. */
public class WrongPassphraseException extends RuntimeException {

    private final int failures;

    public WrongPassphraseException(int failures) {
        super("the passphrase does not open the vault (" + failures + " failed attempt(s) in a row)");
        this.failures = failures;
    }

    /** How long the next attempt will be held before its answer, if it is wrong too. */
    public java.time.Duration nextDelay() {
        return Vault.delayAfter(failures + 1);
    }

    /** Failed attempts in a row, this one included. */
    public int failures() {
        return failures;
    }
}
