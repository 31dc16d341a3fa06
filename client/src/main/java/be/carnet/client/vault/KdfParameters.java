package be.carnet.client.vault;

/**
 * Argon2id cost parameters, stored with the wrapped key so a vault always unlocks with the costs it
 * was made with.
 *
 * @param memoryKiB memory in KiB
 * @param iterations passes over memory
 * @param parallelism lanes
 */
public record KdfParameters(int memoryKiB, int iterations, int parallelism) {

    /**
     * The costs for new vaults: 64 MiB, 5 passes, 1 lane. Measured on the 2-core build machine with
     * BouncyCastle 1.87 on Java 17 ({@code VaultBenchmark}, issue 4): about 0.3 s for an unlock, warm or
     * first after start (medians 0.27–0.33 s under the load of other builds); 4 passes measured 0.22 s
     * warm on a quieter moment, under the DESIGN budget of 0.25–1 s. Every unlock attempt costs exactly
     * one derivation (the duress check shares it); changing the passphrase costs two.
     */
    public static final KdfParameters DEFAULT = new KdfParameters(64 * 1024, 5, 1);

    /** Costs outside these bounds are refused when read from a file (a tampered file must not hang the app). */
    static final int MIN_MEMORY_KIB = 8;
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 100;
    static final int MAX_PARALLELISM = 16;

    public KdfParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parallelism must be between 1 and " + MAX_PARALLELISM);
        }
        if (memoryKiB < Math.max(MIN_MEMORY_KIB, 8 * parallelism) || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory must be between " + MIN_MEMORY_KIB + " and "
                    + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id iterations must be between 1 and " + MAX_ITERATIONS);
        }
    }
}
