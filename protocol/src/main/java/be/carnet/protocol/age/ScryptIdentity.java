package be.carnet.protocol.age;

import java.util.List;

/** Opens a passphrase-encrypted age file. Holds the passphrase: never log it. */
public final class ScryptIdentity implements Identity {

    /** The largest work factor accepted, as the age command does, so a file cannot stall us. */
    public static final int MAX_LOG_N = 22;

    private final char[] passphrase;
    private final int maxLogN;

    public ScryptIdentity(char[] passphrase) {
        this(passphrase, MAX_LOG_N);
    }

    /**
     * @param maxLogN the largest work factor this reader accepts (at most {@link #MAX_LOG_N}): scrypt needs
     *     128 × 8 × 2^logN bytes of memory, 128 MiB at 17, so a reader with a small heap sets a lower limit
     */
    public ScryptIdentity(char[] passphrase, int maxLogN) {
        if (maxLogN < 1 || maxLogN > MAX_LOG_N) {
            throw new IllegalArgumentException("maxLogN must be between 1 and " + MAX_LOG_N);
        }
        this.passphrase = passphrase.clone();
        this.maxLogN = maxLogN;
    }

    @Override
    public byte[] unwrap(List<Stanza> stanzas) {
        for (Stanza stanza : stanzas) {
            if (!ScryptRecipient.TYPE.equals(stanza.type())) {
                continue;
            }
            if (stanzas.size() != 1) {
                throw new AgeException("an scrypt stanza must be the only stanza of the file");
            }
            if (stanza.args().size() != 2) {
                throw new AgeException("malformed scrypt stanza: it needs a salt and a work factor");
            }
            byte[] salt = Header.decodeBase64(stanza.args().get(0), "scrypt salt");
            if (salt.length != ScryptRecipient.SALT_LENGTH) {
                throw new AgeException("malformed scrypt stanza: the salt must be 16 bytes");
            }
            String factor = stanza.args().get(1);
            if (!factor.matches("[1-9][0-9]?")) {
                throw new AgeException("malformed scrypt stanza: the work factor must be a decimal number");
            }
            int logN = Integer.parseInt(factor);
            if (logN > maxLogN) {
                throw new ScryptWorkFactorException(logN, maxLogN);
            }
            byte[] body = stanza.body();
            if (body.length != 32) {
                throw new AgeException("malformed scrypt stanza: the body must be 32 bytes");
            }
            byte[] key = ScryptRecipient.deriveKey(passphrase, salt, logN);
            byte[] fileKey = Primitives.open(key, new byte[Primitives.NONCE_LENGTH], body, 0, body.length);
            if (fileKey == null) {
                throw new AgeException("the passphrase is wrong");
            }
            return fileKey;
        }
        return null;
    }
}
