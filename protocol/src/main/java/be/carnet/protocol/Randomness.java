package be.carnet.protocol;

import java.security.SecureRandom;

/**
 * The one source of randomness for keys, nonces and tokens in Carnet.
 *
 * <p>Thread-safe: {@link SecureRandom} synchronises internally. Never seed it by hand.
 */
public final class Randomness {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randomness() {
    }

    /** The shared generator; callers must not reseed it. */
    public static SecureRandom secureRandom() {
        return RANDOM;
    }

    /** A random (version 4) UUID in lowercase canonical text, drawn from this generator. */
    public static String uuid() {
        byte[] b = bytes(16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        String hex = java.util.HexFormat.of().formatHex(b);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** A fresh array of {@code length} random bytes. */
    public static byte[] bytes(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }
}
