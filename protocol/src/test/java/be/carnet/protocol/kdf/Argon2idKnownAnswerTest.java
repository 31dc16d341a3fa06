package be.carnet.protocol.kdf;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/**
 * Known answers for Argon2id.
 *
 * <p>RFC 9106 §5.3 gives one Argon2id vector, and it uses a secret and associated data, which
 * {@link Argon2id} does not expose (Carnet never uses them). So the RFC vector is checked on the
 * BouncyCastle generator that {@link Argon2id} drives, with the RFC's exact inputs; and
 * {@link Argon2id} itself is checked against answers computed independently with the reference
 * implementation's command-line tool (Debian package {@code argon2}, 20190702), e.g.
 * <pre>
 * head -c 32 /dev/zero | tr '\0' '\1' | argon2 "$(head -c 16 /dev/zero | tr '\0' '\2')" -id -t 3 -k 32 -p 4 -l 32 -r
 * printf '%s' 'Sûreté 2026 — correct horse' | argon2 'carnet-kat-salt!' -id -t 5 -k 65536 -p 1 -l 32 -r
 * </pre>
 * including the parameters Carnet actually runs with (the vault's 64 MiB, 5 passes, 1 lane and the
 * staff passwords' 64 MiB, 3 passes, 1 lane).
 */
class Argon2idKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String PASSPHRASE = "Sûreté 2026 — correct horse";
    private static final byte[] SALT = "carnet-kat-salt!".getBytes(US_ASCII);

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    @Test
    void bouncyCastleGivesTheRfc9106Argon2idTag() {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32)
                .withIterations(3)
                .withParallelism(4)
                .withSalt(filled(16, 0x02))
                .withSecret(filled(8, 0x03))
                .withAdditional(filled(12, 0x04))
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[32];

        generator.generateBytes(filled(32, 0x01), tag);

        assertArrayEquals(HEX.parseHex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"), tag);
    }

    @Test
    void wrapperMatchesTheReferenceToolOnTheRfcInputsWithoutSecretOrAssociatedData() {
        byte[] tag = new Argon2id(32, 3, 4).derive(filled(32, 0x01), filled(16, 0x02), 32);

        assertArrayEquals(HEX.parseHex("03aab965c12001c9d7d0d2de33192c0494b684bb148196d73c1df1acaf6d0c2e"), tag);
    }

    @Test
    void wrapperMatchesTheReferenceToolsReadmeExample() {
        // The argon2 README's example: echo -n "password" | argon2 somesalt -id -t 2 -m 16 -p 4 -l 32 -r
        byte[] tag = new Argon2id(64 * 1024, 2, 4).derive("password".getBytes(US_ASCII),
                "somesalt".getBytes(US_ASCII), 32);

        assertArrayEquals(HEX.parseHex("1a9677b0afe81fda7b548895e7a1bfeb8668ffc19a530e37e088a668fab1c02a"), tag);
    }

    @Test
    void wrapperMatchesTheReferenceToolWithTheVaultParameters() {
        byte[] tag = new Argon2id(64 * 1024, 5, 1).derive(Argon2id.utf8(PASSPHRASE.toCharArray()), SALT, 32);

        assertArrayEquals(HEX.parseHex("e57fe3b2acec307235c970a16b519ea0422f891db620b50df3a1530830c66a2a"), tag);
    }

    @Test
    void wrapperMatchesTheReferenceToolWithTheStaffPasswordParameters() {
        byte[] tag = new Argon2id(64 * 1024, 3, 1).derive(Argon2id.utf8(PASSPHRASE.toCharArray()), SALT, 32);

        assertArrayEquals(HEX.parseHex("bba62d223c16e7dcac21b8c8b2a4f5563fb2f3995befd7cef8a23af4246fe609"), tag);
    }

    @Test
    void utf8OfTypedSecretIsItsUtf8Encoding() {
        assertArrayEquals(PASSPHRASE.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Argon2id.utf8(PASSPHRASE.toCharArray()));
    }

    @Test
    void refusesCostsArgon2DoesNotAllow() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2id(31, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new Argon2id(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2id(64, 1, 0));
    }
}
