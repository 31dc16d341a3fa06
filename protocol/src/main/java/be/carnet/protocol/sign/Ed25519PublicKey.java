package be.carnet.protocol.sign;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.json.StrictBase64;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key (RFC 8032), 32 bytes. Immutable and thread-safe.
 *
 * <p>Its <em>key id</em> is the lowercase hex of the first 8 bytes of SHA-256 over the 32 key bytes;
 * its <em>fingerprint</em> is the whole SHA-256, shown in groups of four hex digits.
 */
public final class Ed25519PublicKey {

    public static final int LENGTH = Ed25519.PUBLIC_KEY_SIZE;

    private final byte[] bytes;

    private Ed25519PublicKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws SignatureException if {@code bytes} is not 32 bytes or not a valid point */
    public static Ed25519PublicKey of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new SignatureException("an Ed25519 public key must be " + LENGTH + " bytes");
        }
        if (!Ed25519.validatePublicKeyPartial(bytes, 0)) {
            throw new SignatureException("not a valid Ed25519 public key");
        }
        return new Ed25519PublicKey(bytes.clone());
    }

    /** Decodes the canonical padded standard base64 of the 32 key bytes (formats.md 1.3). */
    public static Ed25519PublicKey fromBase64(String base64) {
        try {
            return of(StrictBase64.decode(base64, "an Ed25519 public key"));
        } catch (JsonFormatException e) {
            throw new SignatureException(e.getMessage(), e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String base64() {
        return StrictBase64.encode(bytes);
    }

    /** The key id: hex of the first 8 bytes of SHA-256(key). */
    public String keyId() {
        return HexFormat.of().formatHex(Hashes.sha256(bytes), 0, 8);
    }

    /** The full SHA-256 fingerprint, lowercase hex without separators. */
    public String fingerprint() {
        return Hashes.sha256Hex(bytes);
    }

    /** The fingerprint grouped for reading aloud: {@code 3f2a 91c0 …}. */
    public String fingerprintGrouped() {
        String hex = fingerprint();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, i + 4);
        }
        return out.toString();
    }

    /** True when {@code signature} is a valid Ed25519 signature by this key over {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        return Ed25519.verify(signature, 0, bytes, 0, message, 0, message.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + keyId() + "]";
    }
}
