package be.carnet.protocol.age;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Bech32 (BIP 173) as age uses it for {@code age1…} recipients and {@code AGE-SECRET-KEY-1…}
 * identities: the original checksum constant and one case per string. The decoder applies every rule
 * of BIP 173, including its 90-character limit: age itself lifts that limit for its long
 * post-quantum and plugin keys, which Carnet does not support, and Carnet's X25519 keys are 62
 * ({@code age1…}) and 74 ({@code AGE-SECRET-KEY-1…}) characters long.
 */
final class Bech32 {

    /** BIP 173's limit on a whole string. */
    static final int MAX_LENGTH = 90;
    private static final int CHECKSUM_LENGTH = 6;
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    /**
     * A decoded string: its human-readable part in lowercase and its data as 5-bit values, checksum
     * removed.
     */
    record Decoded(String hrp, byte[] values) {
    }

    private Bech32() {
    }

    /** Encodes {@code data} under {@code hrp}; the result is lowercase. */
    static String encode(String hrp, byte[] data) {
        return encodeValues(hrp, convertBits(data, 8, 5, true));
    }

    /** Encodes 5-bit {@code values} under {@code hrp}; the result is lowercase. */
    static String encodeValues(String hrp, byte[] values) {
        String lowerHrp = hrp.toLowerCase(Locale.ROOT);
        byte[] checksum = checksum(lowerHrp, values);
        StringBuilder out = new StringBuilder(lowerHrp).append('1');
        for (byte v : values) {
            out.append(CHARSET.charAt(v));
        }
        for (byte v : checksum) {
            out.append(CHARSET.charAt(v));
        }
        return out.toString();
    }

    /** Decodes {@code text}, which must use {@code expectedHrp} (case-insensitive) and one case. */
    static byte[] decode(String text, String expectedHrp) {
        Decoded decoded = decodeValues(text);
        if (!decoded.hrp().equals(expectedHrp.toLowerCase(Locale.ROOT))) {
            throw new AgeException("the key must start with " + expectedHrp + "1");
        }
        return bytes(decoded);
    }

    /** The bytes that {@code decoded}'s 5-bit values carry (its padding must be zero bits). */
    static byte[] bytes(Decoded decoded) {
        return convertBits(decoded.values(), 5, 8, false);
    }

    /**
     * Decodes any BIP 173 string.
     *
     * @throws AgeException naming the first BIP 173 rule the string breaks
     */
    static Decoded decodeValues(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new AgeException("a Bech32 key is at most " + MAX_LENGTH + " characters");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                throw new AgeException("a Bech32 key holds only printable ASCII characters");
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw new AgeException("mixed case in a Bech32 key");
        }
        String folded = text.toLowerCase(Locale.ROOT);
        int separator = folded.lastIndexOf('1');
        if (separator < 0) {
            throw new AgeException("malformed Bech32 key: no separator 1");
        }
        if (separator == 0) {
            throw new AgeException("malformed Bech32 key: the part before the separator 1 is empty");
        }
        if (folded.length() - separator - 1 < CHECKSUM_LENGTH) {
            throw new AgeException("malformed Bech32 key: the checksum is shorter than 6 characters");
        }
        String hrp = folded.substring(0, separator);
        byte[] values = new byte[folded.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(folded.charAt(separator + 1 + i));
            if (v < 0) {
                throw new AgeException("invalid character in a Bech32 key");
            }
            values[i] = (byte) v;
        }
        if (polymod(expand(hrp), values) != 1) {
            throw new AgeException("the key's checksum does not match (a typing error?)");
        }
        return new Decoded(hrp, Arrays.copyOf(values, values.length - CHECKSUM_LENGTH));
    }

    private static byte[] checksum(String hrp, byte[] values) {
        byte[] withZeros = new byte[values.length + 6];
        System.arraycopy(values, 0, withZeros, 0, values.length);
        int mod = polymod(expand(hrp), withZeros) ^ 1;
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    private static byte[] expand(String hrp) {
        byte[] out = new byte[hrp.length() * 2 + 1];
        for (int i = 0; i < hrp.length(); i++) {
            out[i] = (byte) (hrp.charAt(i) >>> 5);
            out[i + hrp.length() + 1] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    private static int polymod(byte[] hrpExpanded, byte[] values) {
        int chk = 1;
        for (byte[] part : new byte[][] {hrpExpanded, values}) {
            for (byte v : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) != 0) {
                        chk ^= GENERATOR[i];
                    }
                }
            }
        }
        return chk;
    }

    private static byte[] convertBits(byte[] data, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxValue = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : data) {
            int value = b & 0xff;
            if ((value >>> from) != 0) {
                throw new AgeException("malformed Bech32 key");
            }
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxValue);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (to - bits)) & maxValue);
            }
        } else if (bits >= from || ((acc << (to - bits)) & maxValue) != 0) {
            throw new AgeException("malformed Bech32 key padding");
        }
        return out.toByteArray();
    }
}
