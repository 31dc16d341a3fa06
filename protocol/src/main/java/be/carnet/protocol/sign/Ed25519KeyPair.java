package be.carnet.protocol.sign;

import be.carnet.protocol.Randomness;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 signing key: the 32-byte seed and its public key. Thread-safe; treat instances as
 * secrets (its {@link #toString()} shows only the key id).
 */
public final class Ed25519KeyPair {

    public static final int SEED_LENGTH = Ed25519.SECRET_KEY_SIZE;

    private final byte[] seed;
    private final Ed25519PublicKey publicKey;

    private Ed25519KeyPair(byte[] seed) {
        this.seed = seed;
        byte[] pub = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, pub, 0);
        this.publicKey = Ed25519PublicKey.of(pub);
    }

    /** A new key from {@link Randomness}. */
    public static Ed25519KeyPair generate() {
        return new Ed25519KeyPair(Randomness.bytes(SEED_LENGTH));
    }

    /** The key for a 32-byte RFC 8032 seed (the "secret key"). */
    public static Ed25519KeyPair fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new SignatureException("an Ed25519 seed must be " + SEED_LENGTH + " bytes");
        }
        return new Ed25519KeyPair(seed.clone());
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the seed. The caller must keep it secret. */
    public byte[] seed() {
        return seed.clone();
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /** Overwrites the seed in memory; the key must not be used afterwards. */
    public void destroy() {
        Arrays.fill(seed, (byte) 0);
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[" + publicKey.keyId() + "]";
    }
}
