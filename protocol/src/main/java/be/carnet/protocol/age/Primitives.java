package be.carnet.protocol.age;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** The BouncyCastle primitives age is built from. Stateless. */
final class Primitives {

    static final int TAG_LENGTH = 16;
    static final int NONCE_LENGTH = 12;

    private Primitives() {
    }

    static byte[] hkdf(byte[] ikm, byte[] salt, String info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, info.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, int offset, int length) {
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        aead.init(true, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce));
        byte[] out = new byte[length + TAG_LENGTH];
        int written = aead.processBytes(plaintext, offset, length, out, 0);
        try {
            aead.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail", e);
        }
        return out;
    }

    /** Returns the plaintext, or {@code null} if the tag does not verify; never partial output. */
    static byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, int offset, int length) {
        if (length < TAG_LENGTH) {
            return null;
        }
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        aead.init(false, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce));
        byte[] out = new byte[length - TAG_LENGTH];
        try {
            int written = aead.processBytes(ciphertext, offset, length, out, 0);
            aead.doFinal(out, written);
            return out;
        } catch (InvalidCipherTextException e) {
            java.util.Arrays.fill(out, (byte) 0);
            return null;
        }
    }
}
