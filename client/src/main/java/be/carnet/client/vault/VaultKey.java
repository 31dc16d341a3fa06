package be.carnet.client.vault;

import be.carnet.protocol.Randomness;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The random 256-bit key that encrypts everything the app stores, with ChaCha20-Poly1305 and a fresh
 * random nonce per value. A sealed value is {@code version (1 byte) || nonce (12) || ciphertext || tag (16)}.
 *
 * <p>Thread-safe (every call makes its own cipher). A secret: {@link #destroy()} overwrites it, after
 * which every call fails. Checking that the key is alive and handing a copy of it to the cipher happen
 * under a read lock that {@link #destroy()} takes for writing, so a value is never sealed under a key
 * that another thread (the idle lock) is zeroing: it is sealed under the real key, or the call fails.
 */
public final class VaultKey {

    public static final int LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    static final byte VERSION = 1;
    private static final int OVERHEAD = 1 + NONCE_LENGTH + TAG_LENGTH;

    private final byte[] key;
    private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
    private volatile boolean destroyed;
    /** Runs after the alive check, before the key is copied; a seam for the race test, a no-op otherwise. */
    private volatile Runnable beforeKeyCopy = () -> { };

    private VaultKey(byte[] key) {
        this.key = key;
    }

    /** A new key from {@link Randomness}. */
    public static VaultKey generate() {
        return new VaultKey(Randomness.bytes(LENGTH));
    }

    /** The key for 32 bytes (copied). */
    public static VaultKey of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a vault key must be " + LENGTH + " bytes");
        }
        return new VaultKey(bytes.clone());
    }

    /** Encrypts {@code plaintext} for the cell {@code address}. */
    public byte[] seal(byte[] plaintext, CellAddress address) {
        return seal(plaintext, address.associatedData());
    }

    /**
     * Decrypts a value sealed for {@code address}.
     *
     * @throws CellTamperedException naming the address when the value was altered or sealed elsewhere
     */
    public byte[] open(byte[] sealed, CellAddress address) {
        try {
            return open(sealed, address.associatedData());
        } catch (InvalidCipherTextException e) {
            throw new CellTamperedException("the value stored at " + address
                    + " does not decrypt: it was altered or does not belong there", e);
        }
    }

    byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = Randomness.bytes(NONCE_LENGTH);
        ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
        cipher.init(true, new AEADParameters(liveKey(), TAG_LENGTH * 8, nonce, associatedData));
        byte[] out = new byte[1 + NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
        out[0] = VERSION;
        System.arraycopy(nonce, 0, out, 1, NONCE_LENGTH);
        int written = cipher.processBytes(plaintext, 0, plaintext.length, out, 1 + NONCE_LENGTH);
        try {
            cipher.doFinal(out, 1 + NONCE_LENGTH + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed to encrypt", e);
        }
        return out;
    }

    byte[] open(byte[] sealed, byte[] associatedData) throws InvalidCipherTextException {
        KeyParameter liveKey = liveKey();
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new InvalidCipherTextException("the value is too short to be sealed");
        }
        if (sealed[0] != VERSION) {
            throw new InvalidCipherTextException("unknown sealed value version " + sealed[0]);
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_LENGTH);
        ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
        cipher.init(false, new AEADParameters(liveKey, TAG_LENGTH * 8, nonce, associatedData));
        int inLength = sealed.length - 1 - NONCE_LENGTH;
        byte[] out = new byte[cipher.getOutputSize(inLength)];
        int written = cipher.processBytes(sealed, 1 + NONCE_LENGTH, inLength, out, 0);
        cipher.doFinal(out, written);
        return out;
    }

    /** A copy of the key bytes, for wrapping only. */
    byte[] bytes() {
        guard.readLock().lock();
        try {
            checkAlive();
            return key.clone();
        } finally {
            guard.readLock().unlock();
        }
    }

    /** The key for one cipher, copied while no {@link #destroy()} can run; throws if already destroyed. */
    private KeyParameter liveKey() {
        guard.readLock().lock();
        try {
            checkAlive();
            beforeKeyCopy.run();
            return new KeyParameter(key);
        } finally {
            guard.readLock().unlock();
        }
    }

    /** For the race test only: what runs between the alive check and the key copy. */
    void beforeKeyCopy(Runnable hook) {
        this.beforeKeyCopy = hook;
    }

    /**
     * Overwrites the key in memory; later calls throw {@link VaultLockedException}. Waits for calls that are
     * copying the key right now (microseconds), never for a whole encryption.
     */
    public void destroy() {
        guard.writeLock().lock();
        try {
            destroyed = true;
            Arrays.fill(key, (byte) 0);
        } finally {
            guard.writeLock().unlock();
        }
    }

    private void checkAlive() {
        if (destroyed) {
            throw new VaultLockedException();
        }
    }

    @Override
    public String toString() {
        return "VaultKey[secret]";
    }
}
