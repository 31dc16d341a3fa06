package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.Randomness;
import be.carnet.protocol.kdf.Argon2id;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The vault key wrapped by a key derived from the passphrase with Argon2id, as stored in
 * {@code vault.key}: a JSON object with {@code "format":"carnet.vault-key/2"}, the KDF parameters, the
 * salt, the sealed key and the duress verifier. The format line, the parameters and the salt are the
 * associated data of the seal. Immutable.
 *
 * <p><b>Duress verifier.</b> Always present and always 32 bytes, so the file does not tell whether a
 * duress passphrase is set: either {@code SHA-256("carnet.vault-duress/1|" || K)} where {@code K} is
 * the Argon2id output of the duress passphrase with <em>this file's salt and costs</em>, or 32 random
 * bytes. One Argon2id derivation of a typed passphrase therefore serves both checks ({@link #attempt}):
 * it opens the sealed key (the real passphrase) or its hash equals the verifier, compared in constant
 * time (the duress passphrase). Every attempt costs exactly one derivation, whatever its outcome, and
 * the real passphrase keeps the full cost per guess. The salt stays with the vault for its life
 * (changing the passphrase re-seals the key under the same salt), so the verifier stays valid.
 */
public record WrappedKey(KdfParameters kdf, byte[] salt, byte[] sealedKey, byte[] duressVerifier) {

    public static final String FORMAT = "carnet.vault-key/2";
    static final int SALT_LENGTH = 16;
    static final int VERIFIER_LENGTH = 32;
    private static final byte[] DURESS_DOMAIN = "carnet.vault-duress/1|".getBytes(UTF_8);
    private static final int MAX_FILE_BYTES = 4096;

    /** Wraps {@code key} with a fresh salt and no duress passphrase (a random verifier). Takes as long as the KDF. */
    public static WrappedKey wrap(VaultKey key, String passphrase, KdfParameters kdf) {
        byte[] salt = Randomness.bytes(SALT_LENGTH);
        VaultKey kek = VaultKey.of(derive(passphrase, salt, kdf));
        try {
            return seal(key, kek, kdf, salt, Randomness.bytes(VERIFIER_LENGTH));
        } finally {
            kek.destroy();
        }
    }

    /**
     * What {@code passphrase} does to this file, for one Argon2id derivation: both checks always run.
     * The caller must {@link Attempt#destroy()} the result.
     */
    Attempt attempt(String passphrase) {
        VaultKey kek = VaultKey.of(derive(passphrase, salt, kdf));
        VaultKey opened = open(kek);
        byte[] tag = verifierFor(kek);
        boolean duress = MessageDigest.isEqual(tag, duressVerifier);
        Arrays.fill(tag, (byte) 0);
        return new Attempt(opened, duress && opened == null, kek);
    }

    /**
     * Unwraps the vault key. Takes as long as the KDF.
     *
     * @return the key, or {@code null} if the passphrase is wrong (or the file altered)
     */
    VaultKey unwrap(String passphrase) {
        Attempt attempt = attempt(passphrase);
        attempt.kek().destroy();
        return attempt.key();
    }

    /** The same file with {@code key} sealed again under {@code kek} (derived from this salt), with a fresh nonce. */
    WrappedKey resealed(VaultKey key, VaultKey kek) {
        return seal(key, kek, kdf, salt, duressVerifier);
    }

    /** The same file for a new vault key {@code key} under {@code kek}, with no duress passphrase. */
    WrappedKey freshVault(VaultKey key, VaultKey kek) {
        return seal(key, kek, kdf, salt, Randomness.bytes(VERIFIER_LENGTH));
    }

    /** This file with the duress verifier of {@code duressKek}, or a random one (none) when it is null. */
    WrappedKey withDuress(VaultKey duressKek) {
        return new WrappedKey(kdf, salt, sealedKey,
                duressKek == null ? Randomness.bytes(VERIFIER_LENGTH) : verifierFor(duressKek));
    }

    public byte[] toBytes() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("kdf", "argon2id");
        o.addProperty("memoryKiB", kdf.memoryKiB());
        o.addProperty("iterations", kdf.iterations());
        o.addProperty("parallelism", kdf.parallelism());
        o.addProperty("salt", Base64.getEncoder().encodeToString(salt));
        o.addProperty("key", Base64.getEncoder().encodeToString(sealedKey));
        o.addProperty("duress", Base64.getEncoder().encodeToString(duressVerifier));
        return (o + "\n").getBytes(UTF_8);
    }

    /** Reads a {@code vault.key} file; refuses anything but the one known format. */
    public static WrappedKey fromBytes(byte[] file) {
        if (file.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("the vault key file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        try {
            JsonObject o = JsonParser.parseString(new String(file, UTF_8)).getAsJsonObject();
            if (!FORMAT.equals(o.get("format").getAsString()) || !"argon2id".equals(o.get("kdf").getAsString())) {
                throw new IllegalArgumentException("the vault key file is not in format " + FORMAT);
            }
            KdfParameters kdf = new KdfParameters(o.get("memoryKiB").getAsInt(), o.get("iterations").getAsInt(),
                    o.get("parallelism").getAsInt());
            byte[] salt = Base64.getDecoder().decode(o.get("salt").getAsString());
            byte[] sealed = Base64.getDecoder().decode(o.get("key").getAsString());
            byte[] duress = Base64.getDecoder().decode(o.get("duress").getAsString());
            if (salt.length != SALT_LENGTH) {
                throw new IllegalArgumentException("the vault key salt must be " + SALT_LENGTH + " bytes");
            }
            if (duress.length != VERIFIER_LENGTH) {
                throw new IllegalArgumentException("the vault key duress verifier must be " + VERIFIER_LENGTH + " bytes");
            }
            return new WrappedKey(kdf, salt, sealed, duress);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("the vault key file is malformed", e);
        }
    }

    static byte[] derive(String passphrase, byte[] salt, KdfParameters kdf) {
        byte[] password = Passphrases.encode(passphrase);
        try {
            return new Argon2id(kdf.memoryKiB(), kdf.iterations(), kdf.parallelism())
                    .derive(password, salt, VaultKey.LENGTH);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static WrappedKey seal(VaultKey key, VaultKey kek, KdfParameters kdf, byte[] salt, byte[] duress) {
        byte[] plain = key.bytes();
        try {
            return new WrappedKey(kdf, salt, kek.seal(plain, associatedData(kdf, salt)), duress);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private VaultKey open(VaultKey kek) {
        try {
            byte[] plain = kek.open(sealedKey, associatedData(kdf, salt));
            VaultKey key = VaultKey.of(plain);
            Arrays.fill(plain, (byte) 0);
            return key;
        } catch (InvalidCipherTextException e) {
            return null;
        }
    }

    private static byte[] verifierFor(VaultKey kek) {
        byte[] material = kek.bytes();
        byte[] input = new byte[DURESS_DOMAIN.length + material.length];
        System.arraycopy(DURESS_DOMAIN, 0, input, 0, DURESS_DOMAIN.length);
        System.arraycopy(material, 0, input, DURESS_DOMAIN.length, material.length);
        Arrays.fill(material, (byte) 0);
        try {
            return Hashes.sha256(input);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    private static byte[] associatedData(KdfParameters kdf, byte[] salt) {
        return (FORMAT + "|argon2id|" + kdf.memoryKiB() + "|" + kdf.iterations() + "|" + kdf.parallelism() + "|"
                + Base64.getEncoder().encodeToString(salt)).getBytes(UTF_8);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + kdf + "]";
    }

    /**
     * One passphrase tried against the file.
     *
     * @param key the vault key when the passphrase is the real one, else null
     * @param duress true when it is the duress passphrase
     * @param kek the key derived from it (a secret; destroy it)
     */
    record Attempt(VaultKey key, boolean duress, VaultKey kek) {

        boolean wrong() {
            return key == null && !duress;
        }

        /** Overwrites the derived key (the vault key, if opened, is the caller's to keep or destroy). */
        void destroy() {
            kek.destroy();
        }
    }
}
