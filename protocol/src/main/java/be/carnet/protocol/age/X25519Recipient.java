package be.carnet.protocol.age;

import be.carnet.protocol.Randomness;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** An age X25519 recipient ({@code age1…}). Immutable and thread-safe. */
public final class X25519Recipient implements Recipient {

    public static final String TYPE = "X25519";
    static final String WRAP_INFO = "age-encryption.org/v1/X25519";
    private static final String HRP = "age";

    private final byte[] publicKey;

    X25519Recipient(byte[] publicKey) {
        if (publicKey.length != X25519.POINT_SIZE) {
            throw new AgeException("an X25519 recipient must be " + X25519.POINT_SIZE + " bytes");
        }
        this.publicKey = publicKey.clone();
    }

    /** Parses an {@code age1…} recipient string. */
    public static X25519Recipient parse(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw new AgeException("the recipient is empty");
        }
        if (!encoded.startsWith("age1")) {
            throw new AgeException("an age recipient must start with age1");
        }
        if (encoded.startsWith("age1pq1")) {
            throw new AgeException("post-quantum age recipients (age1pq1…) are not supported;"
                    + " Carnet needs an X25519 recipient (age1…, 62 characters)");
        }
        Bech32.Decoded decoded = Bech32.decodeValues(encoded);
        if (!decoded.hrp().equals(HRP)) {
            throw new AgeException("age plugin recipients (" + decoded.hrp() + "1…) are not supported;"
                    + " Carnet needs an X25519 recipient (age1…, 62 characters)");
        }
        return new X25519Recipient(Bech32.bytes(decoded));
    }

    /** The {@code age1…} encoding. */
    public String encoded() {
        return Bech32.encode(HRP, publicKey);
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public Stanza wrap(byte[] fileKey) {
        byte[] ephemeral = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(Randomness.secureRandom(), ephemeral);
        byte[] share = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(ephemeral, 0, share, 0);
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(ephemeral, 0, publicKey, 0, shared, 0)) {
            throw new AgeException("the recipient is a low-order point");
        }
        Arrays.fill(ephemeral, (byte) 0);
        byte[] salt = org.bouncycastle.util.Arrays.concatenate(share, publicKey);
        byte[] wrapKey = Primitives.hkdf(shared, salt, WRAP_INFO, 32);
        byte[] body = Primitives.seal(wrapKey, new byte[Primitives.NONCE_LENGTH], fileKey, 0, fileKey.length);
        return new Stanza(TYPE, List.of(Base64.getEncoder().withoutPadding().encodeToString(share)), body);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X25519Recipient that && MessageDigest.isEqual(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
