package be.carnet.client.vault;

/** A new passphrase that breaks a rule; {@link #rule()} names it for the page to translate. */
public class PassphraseRuleException extends RuntimeException {

    /** The rules a new passphrase must follow. */
    public enum Rule {
        /** Fewer than {@link Passphrases#MIN_LENGTH} characters. */
        TOO_SHORT,
        /** More than {@link Passphrases#MAX_LENGTH} characters. */
        TOO_LONG,
        /** A control character or a bidirectional override (invisible, and typed differently elsewhere). */
        CONTROL_CHARACTERS,
        /** One character repeated ({@code aaaaaaaaaaaa}). */
        REPEATED,
        /** Digits only (a long PIN: too few guesses per character). */
        DIGITS_ONLY,
        /** The confirmation differs. */
        MISMATCH,
        /** A duress passphrase equal to the real one. */
        SAME_AS_REAL,
        /** A new real passphrase equal to the duress one. */
        SAME_AS_DURESS
    }

    private final Rule rule;

    public PassphraseRuleException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
