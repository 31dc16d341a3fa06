package be.carnet.protocol.bundle;

import be.carnet.protocol.age.ScryptIdentity;

/**
 * A mission passphrase for {@link Bundles#write}: the passphrase and the scrypt work factor (log2 N) its age
 * stanza is written with. Holds the caller's array, does not copy it; the caller clears it after the build.
 *
 * @param passphrase the passphrase, at least {@link #MIN_LENGTH} characters
 * @param workFactor log2 of scrypt's N, 10 to {@link ScryptIdentity#MAX_LOG_N}
 */
public record MissionPassphrase(char[] passphrase, int workFactor) {

    /** The shortest mission passphrase a bundle may be built with. */
    public static final int MIN_LENGTH = 12;
    /** The work factor the content tool uses: the age command's default (about a second on a laptop). */
    public static final int DEFAULT_WORK_FACTOR = 18;

    public MissionPassphrase {
        if (passphrase == null || passphrase.length < MIN_LENGTH) {
            throw new IllegalArgumentException("the mission passphrase must have at least " + MIN_LENGTH + " characters");
        }
        if (workFactor < 10 || workFactor > ScryptIdentity.MAX_LOG_N) {
            throw new IllegalArgumentException("the scrypt work factor must be between 10 and " + ScryptIdentity.MAX_LOG_N);
        }
    }

    @Override
    public String toString() {
        return "MissionPassphrase[workFactor=" + workFactor + "]";
    }
}
