package be.carnet.protocol.age;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.Randomness;
import be.carnet.protocol.kdf.Argon2id;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * An age scrypt (passphrase) recipient. An age file with an scrypt stanza has no other stanza.
 * Holds the passphrase: never log it.
 */
public final class ScryptRecipient implements Recipient {

    public static final String TYPE = "scrypt";
    static final String SALT_LABEL = "age-encryption.org/v1/scrypt";
    static final int SALT_LENGTH = 16;

    private final char[] passphrase;
    private final int logN;

    /**
     * @param passphrase the passphrase (copied)
     * @param logN the scrypt work factor, log2(N); age's default is 18
     */
    public ScryptRecipient(char[] passphrase, int logN) {
        if (passphrase.length == 0) {
            throw new AgeException("the passphrase is empty");
        }
        if (logN < 1 || logN > ScryptIdentity.MAX_LOG_N) {
            throw new AgeException("the scrypt work factor must be between 1 and " + ScryptIdentity.MAX_LOG_N);
        }
        this.passphrase = passphrase.clone();
        this.logN = logN;
    }

    @Override
    public Stanza wrap(byte[] fileKey) {
        byte[] salt = Randomness.bytes(SALT_LENGTH);
        byte[] key = deriveKey(passphrase, salt, logN);
        byte[] body = Primitives.seal(key, new byte[Primitives.NONCE_LENGTH], fileKey, 0, fileKey.length);
        return new Stanza(TYPE, List.of(Base64.getEncoder().withoutPadding().encodeToString(salt),
                Integer.toString(logN)), body);
    }

    static byte[] deriveKey(char[] passphrase, byte[] salt, int logN) {
        byte[] label = SALT_LABEL.getBytes(UTF_8);
        byte[] fullSalt = org.bouncycastle.util.Arrays.concatenate(label, salt);
        byte[] password = Argon2id.utf8(passphrase);
        try {
            return SCrypt.generate(password, fullSalt, 1 << logN, 8, 1, 32);
        } finally {
            java.util.Arrays.fill(password, (byte) 0);
        }
    }
}
