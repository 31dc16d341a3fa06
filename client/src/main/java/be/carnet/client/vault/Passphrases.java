package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.text.Normalizer;

/** The passphrase rule and its encoding for the KDF. Stateless. */
public final class Passphrases {

    /** At least this many characters (Unicode code points), shown to the traveller before typing. */
    public static final int MIN_LENGTH = 12;
    /** Longer input is refused before hashing (a form field is no place for a file). */
    public static final int MAX_LENGTH = 1024;

    private Passphrases() {
    }

    /**
     * Checks a new passphrase and its confirmation.
     *
     * @throws PassphraseRuleException naming the rule broken
     */
    public static void checkNew(String passphrase, String confirmation) {
        int length = length(passphrase);
        if (length < MIN_LENGTH) {
            throw new PassphraseRuleException(PassphraseRuleException.Rule.TOO_SHORT,
                    "the passphrase must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new PassphraseRuleException(PassphraseRuleException.Rule.TOO_LONG,
                    "the passphrase must have at most " + MAX_LENGTH + " characters");
        }
        if (!passphrase.equals(confirmation)) {
            throw new PassphraseRuleException(PassphraseRuleException.Rule.MISMATCH,
                    "the passphrase and its confirmation differ");
        }
    }

    /**
     * Whether {@code passphrase} is within {@link #MAX_LENGTH}, counted in code points as {@link #checkNew} counts,
     * so that every passphrase accepted at setup can be tried at unlock.
     */
    static boolean withinMaxLength(String passphrase) {
        return passphrase != null && length(passphrase) <= MAX_LENGTH;
    }

    private static int length(String passphrase) {
        return passphrase == null ? 0 : passphrase.codePointCount(0, passphrase.length());
    }

    /** UTF-8 of the NFC form, so the same passphrase typed on another keyboard gives the same bytes. */
    static byte[] encode(String passphrase) {
        return Normalizer.normalize(passphrase, Normalizer.Form.NFC).getBytes(UTF_8);
    }
}
