package be.carnet.protocol.bundle;

/**
 * A mission passphrase for {@link Bundles#write}: the passphrase and the scrypt work factor (log2 N) its age
 * stanza is written with. Holds the caller's array, does not copy it; the caller clears it after the build.
 *
 * @param passphrase the passphrase, at least {@link #MIN_LENGTH} characters
 * @param workFactor log2 of scrypt's N, 10 to {@link #MAX_WORK_FACTOR}
 */
public record MissionPassphrase(char[] passphrase, int workFactor) {

    /** The shortest mission passphrase a bundle may be built with. */
    public static final int MIN_LENGTH = 12;
    /**
     * The work factor the content tool uses: 2^16, 64 MiB of memory and about half a second here. Lower than
     * the age command's 18 (256 MiB), which the traveller's app, run with a 256 MiB heap, cannot afford.
     */
    public static final int DEFAULT_WORK_FACTOR = 16;
    /** The largest work factor a bundle's passphrase slot may have (128 MiB); readers refuse more. */
    public static final int MAX_WORK_FACTOR = 17;

    public MissionPassphrase {
        if (passphrase == null || passphrase.length < MIN_LENGTH) {
            throw new IllegalArgumentException("the mission passphrase must have at least " + MIN_LENGTH + " characters");
        }
        if (workFactor < 10 || workFactor > MAX_WORK_FACTOR) {
            throw new IllegalArgumentException("the scrypt work factor must be between 10 and " + MAX_WORK_FACTOR);
        }
    }

    @Override
    public String toString() {
        return "MissionPassphrase[workFactor=" + workFactor + "]";
    }
}
