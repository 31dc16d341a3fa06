package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.Randomness;
import be.carnet.protocol.kdf.Argon2id;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The vault key wrapped by a key derived from the passphrase with Argon2id, as stored in
 * {@code vault.key}: a JSON object with {@code "format":"carnet.vault-key/1"}, the KDF parameters, the
 * salt, and the sealed key. The format line and the parameters are the associated data of the seal.
 * Immutable.
 */
public record WrappedKey(KdfParameters kdf, byte[] salt, byte[] sealedKey) {

    public static final String FORMAT = "carnet.vault-key/1";
    static final int SALT_LENGTH = 16;
    private static final int MAX_FILE_BYTES = 4096;

    /** Wraps {@code key} with a fresh salt. Takes as long as the KDF. */
    public static WrappedKey wrap(VaultKey key, String passphrase, KdfParameters kdf) {
        byte[] salt = Randomness.bytes(SALT_LENGTH);
        VaultKey kek = VaultKey.of(derive(passphrase, salt, kdf));
        try {
            byte[] plain = key.bytes();
            byte[] sealed = kek.seal(plain, associatedData(kdf, salt));
            Arrays.fill(plain, (byte) 0);
            return new WrappedKey(kdf, salt, sealed);
        } finally {
            kek.destroy();
        }
    }

    /**
     * Unwraps the vault key. Takes as long as the KDF.
     *
     * @return the key, or {@code null} if the passphrase is wrong (or the file altered)
     */
    VaultKey unwrap(String passphrase) {
        VaultKey kek = VaultKey.of(derive(passphrase, salt, kdf));
        try {
            byte[] plain = kek.open(sealedKey, associatedData(kdf, salt));
            VaultKey key = VaultKey.of(plain);
            Arrays.fill(plain, (byte) 0);
            return key;
        } catch (InvalidCipherTextException e) {
            return null;
        } finally {
            kek.destroy();
        }
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
            if (salt.length != SALT_LENGTH) {
                throw new IllegalArgumentException("the vault key salt must be " + SALT_LENGTH + " bytes");
            }
            return new WrappedKey(kdf, salt, sealed);
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

    private static byte[] associatedData(KdfParameters kdf, byte[] salt) {
        return (FORMAT + "|argon2id|" + kdf.memoryKiB() + "|" + kdf.iterations() + "|" + kdf.parallelism() + "|"
                + Base64.getEncoder().encodeToString(salt)).getBytes(UTF_8);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + kdf + "]";
    }
}
