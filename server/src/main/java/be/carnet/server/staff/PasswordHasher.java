package be.carnet.server.staff;

import be.carnet.protocol.Randomness;
import be.carnet.protocol.kdf.Argon2id;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=65536,t=3,p=1$SALT$HASH}, unpadded base64), so the parameters travel with
 * each hash and can be raised later without invalidating old ones.
 *
 * <p>Thread-safe. At most {@link #MAX_CONCURRENT} hashes run at once, because each takes
 * {@code memoryKiB} of memory: a flood of logins queues instead of exhausting the heap.
 */
public final class PasswordHasher {

    public static final int DEFAULT_MEMORY_KIB = 64 * 1024;
    public static final int DEFAULT_ITERATIONS = 3;
    public static final int DEFAULT_PARALLELISM = 1;
    public static final int SALT_LENGTH = 16;
    public static final int HASH_LENGTH = 32;
    static final int MAX_CONCURRENT = 2;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{16,128})");

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final Semaphore permits = new Semaphore(MAX_CONCURRENT, true);

    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** The production parameters: 64 MiB, 3 iterations, parallelism 1. */
    public static PasswordHasher standard() {
        return new PasswordHasher(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = Randomness.bytes(SALT_LENGTH);
        byte[] hash = derive(password, salt, memoryKiB, iterations, parallelism, HASH_LENGTH);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * True when {@code password} matches {@code stored} (constant-time comparison). A malformed stored
     * hash never matches.
     */
    public boolean verify(char[] password, String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int time = Integer.parseInt(m.group(2));
        int lanes = Integer.parseInt(m.group(3));
        if (memory < 8 || time < 1 || lanes < 1 || memory > 4 * DEFAULT_MEMORY_KIB) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(m.group(4));
            byte[] expected = Base64.getDecoder().decode(m.group(5));
            byte[] actual = derive(password, salt, memory, time, lanes, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            // Not base64, or parameters Argon2 refuses: a hash this server never wrote.
            return false;
        }
    }

    private byte[] derive(char[] password, byte[] salt, int memory, int time, int lanes, int length) {
        byte[] secret = Argon2id.utf8(password);
        permits.acquireUninterruptibly();
        try {
            return new Argon2id(memory, time, lanes).derive(secret, salt, length);
        } finally {
            permits.release();
            Arrays.fill(secret, (byte) 0);
        }
    }
}
