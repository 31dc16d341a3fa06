package be.carnet.protocol.keys;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The agency's two long-term keys, kept as files in its data directory:
 * <ul>
 *   <li>{@code agency-signing.pem}: Ed25519 PKCS#8 private key (bundles, enrolment answers, receipts);
 *       {@code agency-signing.pub.pem} its public key;</li>
 *   <li>{@code agency-report.key}: the age identity reports are encrypted to, in age-keygen's format,
 *       so {@code age -d -i agency-report.key report.age} works; {@code agency-report.pub} its
 *       {@code age1…} recipient.</li>
 * </ul>
 */
public record AgencyKeys(Ed25519KeyPair signing, X25519Identity report) {

    public static final String SIGNING_FILE = "agency-signing.pem";
    public static final String SIGNING_PUBLIC_FILE = "agency-signing.pub.pem";
    public static final String REPORT_FILE = "agency-report.key";
    public static final String REPORT_PUBLIC_FILE = "agency-report.pub";

    /** New keys from {@link be.carnet.protocol.Randomness}. */
    public static AgencyKeys generate() {
        return new AgencyKeys(Ed25519KeyPair.generate(), X25519Identity.generate());
    }

    /** True when {@code dir} already holds agency keys. */
    public static boolean existIn(Path dir) {
        return Files.exists(dir.resolve(SIGNING_FILE)) || Files.exists(dir.resolve(REPORT_FILE));
    }

    /** Writes the four files; refuses to overwrite existing keys. */
    public void writeTo(Path dir, Instant now) throws IOException {
        if (existIn(dir)) {
            throw new IOException("agency keys already exist in " + dir + "; refusing to overwrite them");
        }
        SafeFiles.writeAtomically(dir.resolve(SIGNING_FILE), PemKeys.privateKeyPem(signing).getBytes(UTF_8), true);
        SafeFiles.writeAtomically(dir.resolve(SIGNING_PUBLIC_FILE),
                PemKeys.publicKeyPem(signing.publicKey()).getBytes(UTF_8), false);
        String identityFile = "# created: " + now + "\n# public key: " + report.recipient().encoded() + "\n"
                + report.encoded() + "\n";
        SafeFiles.writeAtomically(dir.resolve(REPORT_FILE), identityFile.getBytes(UTF_8), true);
        SafeFiles.writeAtomically(dir.resolve(REPORT_PUBLIC_FILE),
                (report.recipient().encoded() + "\n").getBytes(UTF_8), false);
    }

    /** Reads the keys written by {@link #writeTo}. */
    public static AgencyKeys readFrom(Path dir) throws IOException {
        Ed25519KeyPair signing = PemKeys.parsePrivateKey(Files.readString(dir.resolve(SIGNING_FILE), UTF_8));
        X25519Identity report = parseIdentityFile(Files.readString(dir.resolve(REPORT_FILE), UTF_8));
        return new AgencyKeys(signing, report);
    }

    /** Parses an age identity file: comment lines start with #, exactly one identity line. */
    public static X25519Identity parseIdentityFile(String text) {
        X25519Identity found = null;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (found != null) {
                throw new be.carnet.protocol.age.AgeException("the identity file holds more than one key");
            }
            found = X25519Identity.parse(trimmed);
        }
        if (found == null) {
            throw new be.carnet.protocol.age.AgeException("the identity file holds no key");
        }
        return found;
    }

    @Override
    public String toString() {
        return "AgencyKeys[" + signing.publicKey().keyId() + "]";
    }
}
