package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.text.Normalizer;

/**
 * The passphrase rules, the strength hint and the encoding for the KDF. Stateless.
 *
 * <p>The rules, shown before the traveller types: at least {@link #MIN_LENGTH} characters (Unicode code
 * points), at most {@link #MAX_LENGTH}; no control character or bidirectional override; not one
 * character repeated; not digits only. Everything else is allowed (spaces, accents, any script), and
 * the {@link Strength} hint says how good the choice is without refusing it.
 */
public final class Passphrases {

    /** At least this many characters (Unicode code points), shown to the traveller before typing. */
    public static final int MIN_LENGTH = 12;
    /** Longer input is refused before hashing (a form field is no place for a file). */
    public static final int MAX_LENGTH = 1024;

    /**
     * A rough estimate of how hard a passphrase is to guess, for the hint shown after it is chosen. It
     * counts words and kinds of characters; it cannot know that a phrase is a famous quotation.
     */
    public enum Strength {
        /** Meets the rules and no more: a short single word or a simple pattern. */
        WEAK,
        /** Three words, or 16 characters mixing kinds. */
        FAIR,
        /** Four words or more, or 20 characters mixing three kinds. */
        STRONG
    }

    private Passphrases() {
    }

    /**
     * Checks a new passphrase and its confirmation.
     *
     * @throws PassphraseRuleException naming the rule broken
     */
    public static void checkNew(String passphrase, String confirmation) {
        checkRules(passphrase);
        if (!passphrase.equals(confirmation)) {
            throw new PassphraseRuleException(PassphraseRuleException.Rule.MISMATCH,
                    "the passphrase and its confirmation differ");
        }
    }

    /**
     * Checks the rules on a new passphrase alone (no confirmation).
     *
     * @throws PassphraseRuleException naming the first rule broken
     */
    public static void checkRules(String passphrase) {
        int length = length(passphrase);
        if (length < MIN_LENGTH) {
            throw new PassphraseRuleException(PassphraseRuleException.Rule.TOO_SHORT,
                    "the passphrase must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new PassphraseRuleException(PassphraseRuleException.Rule.TOO_LONG,
                    "the passphrase must have at most " + MAX_LENGTH + " characters");
        }
        if (passphrase.codePoints().anyMatch(Passphrases::forbidden)) {
            throw new PassphraseRuleException(PassphraseRuleException.Rule.CONTROL_CHARACTERS,
                    "the passphrase must not contain control characters or bidirectional overrides");
        }
        int first = passphrase.codePointAt(0);
        if (passphrase.codePoints().allMatch(c -> c == first)) {
            throw new PassphraseRuleException(PassphraseRuleException.Rule.REPEATED,
                    "the passphrase must not be one character repeated");
        }
        if (passphrase.codePoints().allMatch(Character::isDigit)) {
            throw new PassphraseRuleException(PassphraseRuleException.Rule.DIGITS_ONLY,
                    "the passphrase must not be digits only");
        }
    }

    /**
     * The strength hint for a passphrase that meets the rules. Words are runs of at least three letters;
     * kinds are lower case, upper case, digits, and everything else (spaces, punctuation, symbols).
     */
    public static Strength strength(String passphrase) {
        int length = length(passphrase);
        int words = 0;
        int run = 0;
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int c : passphrase.codePoints().toArray()) {
            if (Character.isLetter(c)) {
                run++;
                lower |= Character.isLowerCase(c);
                upper |= Character.isUpperCase(c);
                other |= !Character.isLowerCase(c) && !Character.isUpperCase(c);
            } else {
                words += run >= 3 ? 1 : 0;
                run = 0;
                digit |= Character.isDigit(c);
                other |= !Character.isDigit(c);
            }
        }
        words += run >= 3 ? 1 : 0;
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (words >= 4 || (length >= 20 && kinds >= 3)) {
            return Strength.STRONG;
        }
        if (words >= 3 || (length >= 16 && kinds >= 2)) {
            return Strength.FAIR;
        }
        return Strength.WEAK;
    }

    /**
     * Whether {@code passphrase} is within {@link #MAX_LENGTH}, counted in code points as {@link #checkNew} counts,
     * so that every passphrase accepted at setup can be tried at unlock.
     */
    static boolean withinMaxLength(String passphrase) {
        return passphrase != null && length(passphrase) <= MAX_LENGTH;
    }

    /** Whether two passphrases give the same KDF input (the same text in any Unicode form). */
    static boolean sameText(String a, String b) {
        return Normalizer.normalize(a, Normalizer.Form.NFC).equals(Normalizer.normalize(b, Normalizer.Form.NFC));
    }

    private static int length(String passphrase) {
        return passphrase == null ? 0 : passphrase.codePointCount(0, passphrase.length());
    }

    private static boolean forbidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** UTF-8 of the NFC form, so the same passphrase typed on another keyboard gives the same bytes. */
    static byte[] encode(String passphrase) {
        return Normalizer.normalize(passphrase, Normalizer.Form.NFC).getBytes(UTF_8);
    }
}
