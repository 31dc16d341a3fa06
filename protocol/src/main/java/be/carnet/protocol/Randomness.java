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

    /** A fresh array of {@code length} random bytes. */
    public static byte[] bytes(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }
}
