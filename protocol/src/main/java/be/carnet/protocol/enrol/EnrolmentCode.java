package be.carnet.protocol.enrol;

import be.carnet.protocol.Randomness;
import be.carnet.protocol.sign.Ed25519PublicKey;
import java.security.MessageDigest;

/**
 * A one-time enrolment code, e.g. {@code 7K2Q-M9XD-4PWA-RT3E-H8CN-5B1V-QZ6F}: 28 Crockford base32
 * characters in groups of four. The first 16 (80 random bits) are the secret the agency checks; the
 * last 12 (60 bits) are the start of the agency signing key's fingerprint, so the traveller's app
 * can refuse an answer signed by any other key. Typing is forgiving: case, spaces and dashes are
 * ignored, and O, I, L read as 0, 1, 1.
 *
 * @param secret the 16-character secret part
 * @param fingerprintPrefix 12 characters: Crockford base32 of the first 60 bits of the fingerprint
 */
public record EnrolmentCode(String secret, String fingerprintPrefix) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int SECRET_LENGTH = 16;
    public static final int FINGERPRINT_LENGTH = 12;

    /** A new code for the agency key {@code agencyKey}. */
    public static EnrolmentCode generate(Ed25519PublicKey agencyKey) {
        byte[] random = Randomness.bytes(10);
        return new EnrolmentCode(base32(random, SECRET_LENGTH), fingerprintPrefix(agencyKey));
    }

    /** Parses what the traveller typed. */
    public static EnrolmentCode parse(String typed) {
        if (typed == null) {
            throw new EnrolmentException("the enrolment code is missing");
        }
        StringBuilder clean = new StringBuilder();
        for (char typedChar : typed.toCharArray()) {
            if (typedChar == '-' || Character.isWhitespace(typedChar)) {
                continue;
            }
            // Case-fold ASCII only: Java upper-cases dotless ı to I and long ſ to S, and ß to SS.
            char c = typedChar >= 'a' && typedChar <= 'z' ? (char) (typedChar - 'a' + 'A') : typedChar;
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) < 0) {
                throw new EnrolmentException("the enrolment code may contain only letters and digits");
            }
            clean.append(mapped);
        }
        if (clean.length() != SECRET_LENGTH + FINGERPRINT_LENGTH) {
            throw new EnrolmentException("the enrolment code must have " + (SECRET_LENGTH + FINGERPRINT_LENGTH)
                    + " characters");
        }
        return new EnrolmentCode(clean.substring(0, SECRET_LENGTH), clean.substring(SECRET_LENGTH));
    }

    /** True when {@code agencyKey}'s fingerprint starts with this code's fingerprint part (constant time). */
    public boolean matchesAgencyKey(Ed25519PublicKey agencyKey) {
        return MessageDigest.isEqual(fingerprintPrefix(agencyKey).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                fingerprintPrefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The code as printed: groups of four separated by dashes. */
    public String formatted() {
        String all = secret + fingerprintPrefix;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < all.length(); i += 4) {
            if (i > 0) {
                out.append('-');
            }
            out.append(all, i, i + 4);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "EnrolmentCode[****-" + fingerprintPrefix + "]";
    }

    static String fingerprintPrefix(Ed25519PublicKey agencyKey) {
        byte[] fp = java.util.HexFormat.of().parseHex(agencyKey.fingerprint());
        return base32(fp, FINGERPRINT_LENGTH);
    }

    private static String base32(byte[] bytes, int chars) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        int i = 0;
        while (out.length() < chars) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[i++] & 0xff);
                bits += 8;
            }
            out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
            bits -= 5;
        }
        return out.toString();
    }
}
