package be.carnet.protocol.kdf;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 0x13) with fixed cost parameters, on BouncyCastle. Used for the
 * traveller's vault passphrase and the agency staff passwords. Immutable and thread-safe; each call
 * allocates {@code memoryKiB} of memory, so callers bound how many run at once.
 *
 * @param memoryKiB memory cost in KiB
 * @param iterations time cost (passes)
 * @param parallelism lanes
 */
public record Argon2id(int memoryKiB, int iterations, int parallelism) {

    public Argon2id {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id needs memory ≥ 8 KiB per lane, ≥ 1 pass and ≥ 1 lane");
        }
    }

    /** Derives {@code length} bytes from {@code password} and {@code salt}. */
    public byte[] derive(byte[] password, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    /**
     * The UTF-8 bytes of a typed secret without passing through a {@link String}, so the caller can
     * wipe them (and the chars) after use.
     */
    public static byte[] utf8(char[] secret) {
        ByteBuffer encoded = UTF_8.encode(CharBuffer.wrap(secret));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }
}
