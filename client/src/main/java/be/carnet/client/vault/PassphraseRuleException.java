package be.carnet.client.vault;

/** A new passphrase that breaks a rule; {@link #rule()} names it for the page to translate. */
public class PassphraseRuleException extends RuntimeException {

    /** The rules a new passphrase must follow. */
    public enum Rule { TOO_SHORT, TOO_LONG, MISMATCH }

    private final Rule rule;

    public PassphraseRuleException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
