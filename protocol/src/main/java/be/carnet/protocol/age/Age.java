package be.carnet.protocol.age;

import static java.nio.charset.StandardCharsets.US_ASCII;

import be.carnet.protocol.Randomness;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Encrypts and decrypts files in the age v1 format (https://age-encryption.org/v1).
 *
 * <p>Decryption authenticates the header MAC before reading the payload and releases a chunk only
 * after its Poly1305 tag verifies; the byte-array form releases nothing unless the whole file
 * verifies. Stateless and thread-safe.
 */
public final class Age {

    static final int FILE_KEY_LENGTH = 16;
    static final int PAYLOAD_NONCE_LENGTH = 16;
    static final int CHUNK_SIZE = 64 * 1024;
    private static final int SEALED_CHUNK_SIZE = CHUNK_SIZE + Primitives.TAG_LENGTH;
    /** The stanza types Carnet's identities read. */
    private static final Set<String> SUPPORTED_STANZAS = Set.of(X25519Recipient.TYPE, ScryptRecipient.TYPE);

    private Age() {
    }

    /** Encrypts {@code plaintext} to {@code recipients}. */
    public static byte[] encrypt(byte[] plaintext, List<? extends Recipient> recipients) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 512);
        try {
            encrypt(new ByteArrayInputStream(plaintext), out, recipients);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Encrypts {@code plaintext} to one recipient. */
    public static byte[] encrypt(byte[] plaintext, Recipient recipient) {
        return encrypt(plaintext, List.of(recipient));
    }

    /** Streams {@code in} encrypted to {@code recipients} into {@code out}. Does not close either. */
    public static void encrypt(InputStream in, OutputStream out, List<? extends Recipient> recipients)
            throws IOException {
        if (recipients.isEmpty()) {
            throw new AgeException("an age file needs at least one recipient");
        }
        if (recipients.size() > 1 && recipients.stream().anyMatch(r -> r instanceof ScryptRecipient)) {
            throw new AgeException("a passphrase recipient cannot be combined with other recipients");
        }
        byte[] fileKey = Randomness.bytes(FILE_KEY_LENGTH);
        List<Stanza> stanzas = new ArrayList<>();
        for (Recipient recipient : recipients) {
            stanzas.add(recipient.wrap(fileKey));
        }
        byte[] header = Header.encodeWithoutMac(stanzas);
        byte[] mac = Primitives.hmacSha256(headerKey(fileKey), header);
        out.write(header);
        out.write((" " + Base64.getEncoder().withoutPadding().encodeToString(mac) + "\n").getBytes(US_ASCII));

        byte[] nonce = Randomness.bytes(PAYLOAD_NONCE_LENGTH);
        out.write(nonce);
        byte[] payloadKey = Primitives.hkdf(fileKey, nonce, "payload", 32);
        Arrays.fill(fileKey, (byte) 0);

        byte[] current = new byte[CHUNK_SIZE];
        int currentLength = in.readNBytes(current, 0, CHUNK_SIZE);
        long counter = 0;
        while (true) {
            byte[] next = new byte[CHUNK_SIZE];
            int nextLength = currentLength == CHUNK_SIZE ? in.readNBytes(next, 0, CHUNK_SIZE) : 0;
            boolean last = nextLength == 0;
            out.write(Primitives.seal(payloadKey, chunkNonce(counter, last), current, 0, currentLength));
            if (last) {
                break;
            }
            counter++;
            current = next;
            currentLength = nextLength;
        }
        Arrays.fill(payloadKey, (byte) 0);
    }

    /**
     * The type of each recipient stanza of {@code untrustedFile}'s header, in order (e.g. {@code ["X25519"]}),
     * read without any key and without decrypting anything, so that a caller can hold a file to a rule on its
     * recipients (formats.md 8.1: a sealed report has exactly one X25519 stanza) before spending work on it.
     *
     * @throws AgeException if the header is malformed (same rules as decryption)
     */
    public static List<String> stanzaTypes(byte[] untrustedFile) {
        try {
            return Header.read(new ByteArrayInputStream(untrustedFile)).stanzas.stream().map(Stanza::type).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stanzas of an age file's header, read without any key and without decrypting anything (no work
     * factor is spent), so that a caller can hold a file to a rule on its stanzas before using it.
     *
     * @throws AgeException if the header is malformed (same rules as decryption)
     */
    public static List<Stanza> stanzas(byte[] untrustedFile) {
        try {
            return List.copyOf(Header.read(new ByteArrayInputStream(untrustedFile)).stanzas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decrypts a whole age file with the first identity that matches.
     *
     * @throws AgeException if no identity matches or any byte of the file was altered or cut off;
     *     no plaintext is returned in that case
     */
    public static byte[] decrypt(byte[] ciphertext, List<? extends Identity> identities) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, ciphertext.length - 200));
        try {
            decrypt(new ByteArrayInputStream(ciphertext), out, identities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decrypts with one identity. */
    public static byte[] decrypt(byte[] ciphertext, Identity identity) {
        return decrypt(ciphertext, List.of(identity));
    }

    /**
     * Streams the decryption of {@code in} into {@code out}. Each 64 KiB chunk is written only after
     * its tag verifies, so on an exception {@code out} holds a verified prefix at most; callers that
     * must not keep a partial result should write to a temporary place and discard it on failure.
     */
    public static void decrypt(InputStream in, OutputStream out, List<? extends Identity> identities)
            throws IOException {
        Header header = Header.read(in);
        byte[] fileKey = null;
        for (Identity identity : identities) {
            fileKey = identity.unwrap(header.stanzas);
            if (fileKey != null) {
                break;
            }
        }
        if (fileKey == null) {
            refuseUnsupportedRecipients(header.stanzas);
            throw new AgeException("no identity matches this file (it was encrypted to someone else)");
        }
        if (fileKey.length != FILE_KEY_LENGTH) {
            throw new AgeException("malformed age header: the file key must be 16 bytes");
        }
        byte[] expectedMac = Primitives.hmacSha256(headerKey(fileKey), header.macInput);
        if (!MessageDigest.isEqual(expectedMac, header.mac)) {
            throw new AgeException("the age header was altered (MAC mismatch)");
        }
        byte[] nonce = in.readNBytes(PAYLOAD_NONCE_LENGTH);
        if (nonce.length != PAYLOAD_NONCE_LENGTH) {
            throw new AgeException("the age payload is truncated (no nonce)");
        }
        byte[] payloadKey = Primitives.hkdf(fileKey, nonce, "payload", 32);
        Arrays.fill(fileKey, (byte) 0);

        byte[] current = in.readNBytes(SEALED_CHUNK_SIZE);
        long counter = 0;
        while (true) {
            if (current.length == 0) {
                throw new AgeException("the age payload is truncated");
            }
            byte[] next = current.length == SEALED_CHUNK_SIZE ? in.readNBytes(SEALED_CHUNK_SIZE) : new byte[0];
            boolean last = next.length == 0;
            byte[] plain = Primitives.open(payloadKey, chunkNonce(counter, last), current, 0, current.length);
            if (plain == null) {
                throw new AgeException(last
                        ? "the age payload is truncated or was altered (chunk " + counter + ")"
                        : "the age payload was altered (chunk " + counter + ")");
            }
            if (last && plain.length == 0 && counter > 0) {
                throw new AgeException("malformed age payload: empty final chunk");
            }
            out.write(plain);
            if (last) {
                break;
            }
            counter++;
            current = next;
        }
        Arrays.fill(payloadKey, (byte) 0);
    }

    /**
     * When no stanza of the file is of a type Carnet reads (X25519, scrypt), says which types the file
     * uses instead, post-quantum ones by name, rather than that no identity matches.
     */
    private static void refuseUnsupportedRecipients(List<Stanza> stanzas) {
        Set<String> others = new LinkedHashSet<>();
        for (Stanza stanza : stanzas) {
            if (SUPPORTED_STANZAS.contains(stanza.type())) {
                return;
            }
            others.add(stanza.type().length() > 32 ? stanza.type().substring(0, 32) + "…" : stanza.type());
        }
        String types = String.join(", ", others.stream().limit(3).toList()) + (others.size() > 3 ? ", …" : "");
        boolean postQuantum = others.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("mlkem"));
        throw new AgeException((postQuantum ? "post-quantum age recipients" : "age recipient types")
                + " (" + types + ") are not supported; Carnet reads files encrypted to X25519 (age1…)"
                + " or passphrase (scrypt) recipients");
    }

    private static byte[] headerKey(byte[] fileKey) {
        return Primitives.hkdf(fileKey, new byte[0], "header", 32);
    }

    private static byte[] chunkNonce(long counter, boolean last) {
        byte[] nonce = new byte[Primitives.NONCE_LENGTH];
        for (int i = 0; i < 8; i++) {
            nonce[10 - i] = (byte) (counter >>> (8 * i));
        }
        nonce[11] = (byte) (last ? 1 : 0);
        return nonce;
    }
}
