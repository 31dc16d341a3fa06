package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

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
     * How hard a passphrase is to guess, from zxcvbn's estimate of the guesses an attacker needs (its
     * dictionaries of common passwords, names and words, keyboard patterns, repeats, sequences, dates and
     * l33t substitutions, plus {@link #CARNET_WORDS}). A hint, never a refusal.
     */
    public enum Strength {
        /** Fewer than 10^10 guesses: a common password, a pattern, a word or two. */
        WEAK,
        /** Fewer than 10^14 guesses. */
        FAIR,
        /** 10^14 guesses or more: several unrelated words, or a long mix. */
        STRONG
    }

    /** The strength and zxcvbn's warning in the traveller's language (empty when it has none). */
    public record Estimate(Strength strength, String warning) {
    }

    /**
     * Words a traveller on a Carnet mission is tempted to use, counted as the first an attacker tries:
     * the app, the agency, the mission's usual destinations and vocabulary, in French, Dutch and English.
     */
    static final List<String> CARNET_WORDS = List.of("carnet", "reisdossier", "mission", "missie", "agence",
            "agentschap", "agency", "delegation", "délégation", "delegatie", "voyage", "reis", "travel", "passeport",
            "paspoort", "passport", "securite", "sécurité", "veiligheid", "security", "secret", "geheim", "chine",
            "china", "beijing", "pékin", "pekin", "peking", "shanghai", "belgique", "belgië", "belgie", "belgium",
            "bruxelles", "brussel", "brussels", "vsse", "economique", "economische", "trade");
    /** zxcvbn's cost grows fast with length; beyond this the prefix's estimate is a lower bound. */
    private static final int MEASURED_LENGTH = 100;
    private static final double FAIR_LOG10 = 10;
    private static final double STRONG_LOG10 = 14;

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
     * The strength hint for a passphrase: zxcvbn's guesses for it and for it without its spaces, hyphens,
     * dots and underscores, whichever is lower (zxcvbn sees "aaa bbb ccc ddd" as random characters between
     * two repeats; without the spaces it sees the repeats).
     */
    public static Strength strength(String passphrase) {
        return estimate(passphrase, Locale.ROOT).strength();
    }

    /** The strength hint and zxcvbn's warning in {@code locale}'s language. */
    public static Estimate estimate(String passphrase, Locale locale) {
        String measured = passphrase == null ? "" : prefix(passphrase);
        com.nulabinc.zxcvbn.Strength whole = Estimator.ZXCVBN.measure(measured, CARNET_WORDS);
        com.nulabinc.zxcvbn.Strength joined = Estimator.ZXCVBN.measure(measured.replaceAll("[\\s._-]+", ""), CARNET_WORDS);
        com.nulabinc.zxcvbn.Strength lower = joined.getGuessesLog10() < whole.getGuessesLog10() ? joined : whole;
        double log10 = lower.getGuessesLog10();
        String warning = lower.getFeedback().withResourceBundle(feedbackIn(locale)).getWarning();
        whole.wipe();
        joined.wipe();
        Strength strength = log10 < FAIR_LOG10 ? Strength.WEAK : log10 < STRONG_LOG10 ? Strength.FAIR : Strength.STRONG;
        return new Estimate(strength, warning == null ? "" : warning);
    }

    /**
     * zxcvbn's feedback messages in {@code locale}'s language (it ships French and Dutch), else its
     * English ones: never the JVM's default language, which a lookup with fallback would pick first.
     */
    private static ResourceBundle feedbackIn(Locale locale) {
        return ResourceBundle.getBundle("com.nulabinc.zxcvbn.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String prefix(String passphrase) {
        int count = passphrase.codePointCount(0, passphrase.length());
        return count <= MEASURED_LENGTH ? passphrase
                : passphrase.substring(0, passphrase.offsetByCodePoints(0, MEASURED_LENGTH));
    }

    /** zxcvbn with its dictionaries, loaded once on first use; immutable after, measured from any thread. */
    private static final class Estimator {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
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
