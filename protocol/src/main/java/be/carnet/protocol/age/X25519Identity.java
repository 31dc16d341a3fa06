package be.carnet.protocol.age;

import be.carnet.protocol.Randomness;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An age X25519 identity ({@code AGE-SECRET-KEY-1…}). A secret: {@link #toString()} never shows it.
 * Thread-safe.
 */
public final class X25519Identity implements Identity {

    private static final String HRP = "AGE-SECRET-KEY-";

    private final byte[] secret;
    private final X25519Recipient recipient;

    private X25519Identity(byte[] secret) {
        this.secret = secret;
        byte[] pub = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(secret, 0, pub, 0);
        this.recipient = new X25519Recipient(pub);
    }

    /** A new identity from {@link Randomness}. */
    public static X25519Identity generate() {
        byte[] secret = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(Randomness.secureRandom(), secret);
        return new X25519Identity(secret);
    }

    /** The identity for 32 secret bytes. */
    public static X25519Identity fromBytes(byte[] secret) {
        if (secret == null || secret.length != X25519.SCALAR_SIZE) {
            throw new AgeException("an X25519 identity must be " + X25519.SCALAR_SIZE + " bytes");
        }
        return new X25519Identity(secret.clone());
    }

    /** Parses an {@code AGE-SECRET-KEY-1…} string (as written by age-keygen). */
    public static X25519Identity parse(String encoded) {
        if (encoded != null && encoded.toUpperCase(Locale.ROOT).startsWith("AGE-SECRET-KEY-PQ-1")) {
            throw new AgeException("post-quantum age identities (AGE-SECRET-KEY-PQ-1…) are not supported;"
                    + " Carnet needs an X25519 identity (AGE-SECRET-KEY-1…)");
        }
        if (encoded != null && encoded.toUpperCase(Locale.ROOT).startsWith("AGE-PLUGIN-")) {
            throw new AgeException("age plugin identities (AGE-PLUGIN-…) are not supported;"
                    + " Carnet needs an X25519 identity (AGE-SECRET-KEY-1…)");
        }
        if (encoded == null || !encoded.toUpperCase(Locale.ROOT).startsWith(HRP + "1")) {
            throw new AgeException("an age identity must start with AGE-SECRET-KEY-1");
        }
        return fromBytes(Bech32.decode(encoded, HRP));
    }

    /** The {@code AGE-SECRET-KEY-1…} encoding (upper case, as age writes it). Secret. */
    public String encoded() {
        return Bech32.encode(HRP, secret).toUpperCase(Locale.ROOT);
    }

    /** A copy of the 32 secret bytes. */
    public byte[] secretBytes() {
        return secret.clone();
    }

    public X25519Recipient recipient() {
        return recipient;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        byte[] ourKey = recipient.publicKey();
        for (Stanza stanza : stanzas) {
            if (!X25519Recipient.TYPE.equals(stanza.type())) {
                continue;
            }
            if (stanza.args().size() != 1) {
                throw new AgeException("malformed X25519 stanza: it needs exactly one argument");
            }
            byte[] share = Header.decodeBase64(stanza.args().get(0), "X25519 share");
            if (share.length != X25519.POINT_SIZE) {
                throw new AgeException("malformed X25519 stanza: the share must be 32 bytes");
            }
            byte[] body = stanza.body();
            if (body.length != 32) {
                throw new AgeException("malformed X25519 stanza: the body must be 32 bytes");
            }
            byte[] shared = new byte[X25519.POINT_SIZE];
            if (!X25519.calculateAgreement(secret, 0, share, 0, shared, 0)) {
                throw new AgeException("malformed X25519 stanza: low-order share");
            }
            byte[] wrapKey = Primitives.hkdf(shared, org.bouncycastle.util.Arrays.concatenate(share, ourKey),
                    X25519Recipient.WRAP_INFO, 32);
            byte[] fileKey = Primitives.open(wrapKey, new byte[Primitives.NONCE_LENGTH], body, 0, body.length);
            if (fileKey != null) {
                return fileKey;
            }
        }
        return null;
    }

    /** Overwrites the secret in memory; the identity must not be used afterwards. */
    public void destroy() {
        Arrays.fill(secret, (byte) 0);
    }

    @Override
    public String toString() {
        return "X25519Identity[" + recipient.encoded() + "]";
    }
}
