package be.carnet.protocol.keys;

import static java.nio.charset.StandardCharsets.US_ASCII;

import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.protocol.sign.SignatureException;
import org.bouncycastle.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys as PEM (RFC 8410): PKCS#8 "PRIVATE KEY" and SubjectPublicKeyInfo "PUBLIC KEY", so that
 * {@code openssl pkeyutl -verify -rawin} can check Carnet's signatures.
 */
public final class PemKeys {

    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private PemKeys() {
    }

    public static String privateKeyPem(Ed25519KeyPair key) {
        return pem("PRIVATE KEY", Arrays.concatenate(PKCS8_PREFIX, key.seed()));
    }

    public static String publicKeyPem(Ed25519PublicKey key) {
        return pem("PUBLIC KEY", Arrays.concatenate(SPKI_PREFIX, key.bytes()));
    }

    public static Ed25519KeyPair parsePrivateKey(String pem) {
        return Ed25519KeyPair.fromSeed(strip(unpem(pem, "PRIVATE KEY"), PKCS8_PREFIX, "Ed25519 private key"));
    }

    public static Ed25519PublicKey parsePublicKey(String pem) {
        return Ed25519PublicKey.of(strip(unpem(pem, "PUBLIC KEY"), SPKI_PREFIX, "Ed25519 public key"));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] unpem(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new SignatureException("not a PEM " + label);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new SignatureException("the PEM " + label + " is not valid base64", e);
        }
    }

    private static byte[] strip(byte[] der, byte[] prefix, String what) {
        if (der.length != prefix.length + 32 || !java.util.Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new SignatureException("not an " + what);
        }
        return java.util.Arrays.copyOfRange(der, prefix.length, der.length);
    }
}
