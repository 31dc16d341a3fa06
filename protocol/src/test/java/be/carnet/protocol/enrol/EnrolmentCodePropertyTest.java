package be.carnet.protocol.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the enrolment code reader. The code has no checksum of its own: a mistyped secret
 * character gives another code, which the agency does not know, and a mistyped fingerprint character
 * gives a code that no longer matches the agency key (docs/formats.md section 5). What the reader
 * guarantees, and these properties check, is that a one-character change is never silently read as
 * the original code, except for the spellings the format declares equal (case, O for 0, I and L for 1).
 */
class EnrolmentCodePropertyTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Ed25519PublicKey AGENCY = Ed25519KeyPair.generate().publicKey();

    @Property(tries = 300)
    void theFormattedCodeReadsBackInEveryForgivingSpelling(@ForAll("codes") EnrolmentCode code,
            @ForAll @IntRange(min = 0, max = 3) int spelling) {
        String formatted = code.formatted();
        String typed = switch (spelling) {
            case 0 -> formatted;
            case 1 -> formatted.toLowerCase(Locale.ROOT);
            case 2 -> " " + formatted.replace('-', ' ') + "\n";
            default -> formatted.replace("-", "").replace('0', 'O').replace('1', 'l');
        };

        assertEquals(code, EnrolmentCode.parse(typed));
        assertTrue(code.matchesAgencyKey(AGENCY));
    }

    @Property(tries = 500)
    void aChangedCharacterIsRefusedOrGivesAnotherCode(@ForAll("codes") EnrolmentCode code,
            @ForAll @IntRange(min = 0, max = 33) int position, @ForAll("characters") char replacement) {
        String formatted = code.formatted();
        char original = formatted.charAt(position);
        String typed = formatted.substring(0, position) + replacement + formatted.substring(position + 1);

        EnrolmentCode read;
        try {
            read = EnrolmentCode.parse(typed);
        } catch (EnrolmentException refused) {
            return;
        }
        if (original == '-') {
            // A dash is only a separator: another separator, or a space, changes nothing.
            assertEquals(code, read);
            return;
        }
        assertNotEquals(0, canonical(replacement),
                "U+" + Integer.toHexString(replacement) + " is no character of the code but was read");
        if (canonical(replacement) == original) {
            assertEquals(code, read, "an equal spelling of " + original + " must read the same");
            return;
        }
        assertNotEquals(code, read);
        int index = position - position / 5;
        if (index >= EnrolmentCode.SECRET_LENGTH) {
            assertFalse(read.matchesAgencyKey(AGENCY), "a changed fingerprint character must not match the agency key");
        } else {
            assertEquals(code.fingerprintPrefix(), read.fingerprintPrefix());
            assertNotEquals(code.secret(), read.secret());
        }
    }

    /** The character a typed one stands for, as the format defines it; 0 when it stands for none. */
    private static char canonical(char c) {
        if (c > 0x7e) {
            return 0;
        }
        char upper = Character.toUpperCase(c);
        return switch (upper) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> ALPHABET.indexOf(upper) >= 0 ? upper : 0;
        };
    }

    @Provide
    Arbitrary<EnrolmentCode> codes() {
        Arbitrary<EnrolmentCode> generated = Arbitraries.create(() -> EnrolmentCode.generate(AGENCY));
        return generated;
    }

    @Provide
    Arbitrary<Character> characters() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().range(' ', '~')),
                Tuple.of(1, Arbitraries.of('\u0131', '\u017f', '\u00df', '\u212a', '\uff2f', '\u0660', '\u00a0',
                        '\u2003', '\u00e9', '\u0130', '\ud83d')));
    }
}
