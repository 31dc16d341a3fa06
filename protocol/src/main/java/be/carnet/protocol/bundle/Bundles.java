package be.carnet.protocol.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.age.Age;
import be.carnet.protocol.age.AgeException;
import be.carnet.protocol.age.Identity;
import be.carnet.protocol.age.Recipient;
import be.carnet.protocol.age.ScryptIdentity;
import be.carnet.protocol.age.Stanza;
import be.carnet.protocol.age.ScryptWorkFactorException;
import be.carnet.protocol.age.ScryptRecipient;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.bundle.BundleRejectedException.Reason;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.protocol.sign.SignatureException;
import be.carnet.protocol.sign.SignedEnvelope;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and opens briefing bundles. A bundle file is:
 * <pre>
 * carnet-bundle/1 LF
 * signed manifest envelope (canonical JSON, one line) LF
 * age-encrypted payload (the files concatenated in manifest order) to end of file
 * </pre>
 * Opening checks, in this order and before decrypting anything: the size limits, the magic line, the
 * signature by the pinned agency key, the manifest, its agency key id, the mission, the payload size
 * and hash, and the version against the installed one; then it decrypts and checks every file's size
 * and hash. Stateless.
 */
public final class Bundles {

    public static final String MAGIC = "carnet-bundle/1";
    public static final int MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
    public static final int MAX_MANIFEST_BYTES = 256 * 1024;

    private Bundles() {
    }

    /** Builds a signed bundle of {@code files} (path to bytes, in order) encrypted to {@code recipients}. */
    public static byte[] write(String missionId, long version, Instant created, Instant expires, List<String> languages,
                               Map<String, byte[]> files, List<? extends Recipient> recipients,
                               Ed25519KeyPair agencyKey) {
        return write(missionId, version, created, expires, languages, files, recipients, null, agencyKey);
    }

    /**
     * Builds a signed bundle of {@code files} (path to bytes, in order) encrypted to {@code recipients} and,
     * when {@code passphrase} is given, also to a mission passphrase: a fresh X25519 identity is made, the
     * payload is encrypted to it as well, and the identity itself is encrypted to the passphrase alone (age
     * scrypt) and carried, signed, in the manifest's {@code passphraseKey}.
     *
     * @param passphrase the mission passphrase and its scrypt work factor, or {@code null} for none
     * @throws IllegalArgumentException if there is neither a recipient nor a passphrase
     */
    public static byte[] write(String missionId, long version, Instant created, Instant expires, List<String> languages,
                               Map<String, byte[]> files, List<? extends Recipient> recipients,
                               MissionPassphrase passphrase, Ed25519KeyPair agencyKey) {
        List<Recipient> to = new ArrayList<>(recipients);
        byte[] passphraseKey = null;
        if (passphrase != null) {
            X25519Identity slot = X25519Identity.generate();
            byte[] encoded = slot.encoded().getBytes(US_ASCII);
            try {
                passphraseKey = Age.encrypt(encoded, new ScryptRecipient(passphrase.passphrase(), passphrase.workFactor()));
                to.add(slot.recipient());
            } finally {
                Arrays.fill(encoded, (byte) 0);
                slot.destroy();
            }
        }
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs at least one recipient or a mission passphrase");
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        List<BundleFile> entries = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            entries.add(new BundleFile(file.getKey(), file.getValue().length, Hashes.sha256Hex(file.getValue())));
            plain.writeBytes(file.getValue());
        }
        byte[] payload = Age.encrypt(plain.toByteArray(), to);
        BundleManifest manifest = new BundleManifest(missionId, version, created, expires, languages,
                agencyKey.publicKey().keyId(), payload.length, Hashes.sha256Hex(payload), entries, passphraseKey);
        byte[] envelope = SignedEnvelope.sign(manifest.toJson(), agencyKey);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + envelope.length + 32);
        out.writeBytes((MAGIC + "\n").getBytes(US_ASCII));
        out.writeBytes(envelope);
        out.write('\n');
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * Verifies only the signed manifest (no decryption), e.g. at the agency when a bundle is published.
     */
    public static BundleManifest verifyManifest(byte[] untrustedBundle, Ed25519PublicKey agencyKey, String missionId) {
        return split(untrustedBundle, agencyKey, missionId).manifest;
    }

    /**
     * Verifies, decrypts and checks a bundle.
     *
     * @param untrustedBundle the bytes as downloaded
     * @param agencyKey the pinned agency signing key
     * @param missionId the mission the device is enrolled in
     * @param installed the bundle in use, or {@code null}
     * @param identities keys that may open the payload
     * @param now the current time, for the expiry warning
     * @throws BundleRejectedException naming the first rule broken; nothing is returned then
     */
    public static VerifiedBundle open(byte[] untrustedBundle, Ed25519PublicKey agencyKey, String missionId,
                                      Installed installed, List<? extends Identity> identities, Instant now) {
        return open(untrustedBundle, agencyKey, missionId, installed, identities, null, now);
    }

    /**
     * As {@link #open(byte[], Ed25519PublicKey, String, Installed, List, Instant)}, also trying the mission
     * passphrase when one is given: after the signature and version checks, the manifest's passphrase slot
     * is decrypted with it and the identity inside is added to {@code identities}.
     *
     * @param passphrase the mission passphrase as typed, or {@code null}
     */
    public static VerifiedBundle open(byte[] untrustedBundle, Ed25519PublicKey agencyKey, String missionId,
                                      Installed installed, List<? extends Identity> identities, char[] passphrase,
                                      Instant now) {
        Parts parts = split(untrustedBundle, agencyKey, missionId);
        BundleManifest manifest = parts.manifest;
        String bundleSha256 = Hashes.sha256Hex(untrustedBundle);
        if (installed != null) {
            if (manifest.version() < installed.version()) {
                throw new BundleRejectedException(Reason.ROLLBACK, "bundle version " + manifest.version()
                        + " is older than the installed version " + installed.version());
            }
            if (manifest.version() == installed.version() && !installed.sha256().equals(bundleSha256)) {
                throw new BundleRejectedException(Reason.SAME_VERSION_OTHER_BYTES, "bundle version " + manifest.version()
                        + " has other content than the installed bundle of the same version");
            }
        }
        List<Identity> keys = new ArrayList<>(identities);
        if (passphrase != null) {
            keys.add(passphraseIdentity(manifest, passphrase));
        }
        byte[] plain;
        try {
            plain = Age.decrypt(parts.payload, keys);
        } catch (AgeException e) {
            throw new BundleRejectedException(Reason.DECRYPTION, "the bundle content cannot be decrypted: " + e.getMessage(), e);
        }
        long total = 0;
        for (BundleFile file : manifest.files()) {
            total += file.size();
        }
        if (total != plain.length) {
            throw new BundleRejectedException(Reason.PAYLOAD, "the bundle content does not match the sizes in its manifest");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        int offset = 0;
        for (BundleFile file : manifest.files()) {
            byte[] content = Arrays.copyOfRange(plain, offset, offset + (int) file.size());
            offset += (int) file.size();
            if (!Hashes.sha256Hex(content).equals(file.sha256())) {
                throw new BundleRejectedException(Reason.FILE_HASH, "file " + file.path() + " does not match its hash in the manifest");
            }
            files.put(file.path(), content);
        }
        return new VerifiedBundle(manifest, files, bundleSha256, now.isAfter(manifest.expires()));
    }

    /**
     * Holds a verified manifest's passphrase slot, if it has one, to formats.md 9.5 without any scrypt work:
     * one scrypt stanza whose work factor is at most {@link MissionPassphrase#MAX_WORK_FACTOR}. The agency runs
     * it at publish, so that a bundle no traveller could open with the passphrase is refused there.
     *
     * @throws BundleRejectedException with {@link Reason#WORK_FACTOR} when the work factor is too high, with
     *     {@link Reason#MALFORMED} when the slot is not one scrypt stanza
     */
    public static void checkPassphraseSlot(BundleManifest manifest) {
        if (!manifest.hasPassphrase()) {
            return;
        }
        List<Stanza> stanzas;
        try {
            stanzas = Age.stanzas(manifest.passphraseKey());
        } catch (AgeException e) {
            throw new BundleRejectedException(Reason.MALFORMED, "the bundle's passphrase slot is not an age file: "
                    + e.getMessage(), e);
        }
        if (stanzas.size() != 1 || !ScryptRecipient.TYPE.equals(stanzas.get(0).type())
                || stanzas.get(0).args().size() != 2 || !stanzas.get(0).args().get(1).matches("[1-9][0-9]?")) {
            throw new BundleRejectedException(Reason.MALFORMED,
                    "the bundle's passphrase slot must be one scrypt stanza (formats.md 9.5)");
        }
        int workFactor = Integer.parseInt(stanzas.get(0).args().get(1));
        if (workFactor > MissionPassphrase.MAX_WORK_FACTOR) {
            throw new BundleRejectedException(Reason.WORK_FACTOR, "the bundle's mission passphrase slot has scrypt work"
                    + " factor " + workFactor + ", too high: at most " + MissionPassphrase.MAX_WORK_FACTOR
                    + " (formats.md 9.5)");
        }
    }

    /**
     * The identity in a verified manifest's passphrase slot, opened with {@code passphrase}. Call it only on a
     * manifest whose signature was checked: the slot's scrypt work is bounded by age's limit (2^22) but is
     * still work.
     *
     * @throws BundleRejectedException with {@link Reason#DECRYPTION} when the bundle has no mission passphrase
     *     or {@code passphrase} is not it; with {@link Reason#WORK_FACTOR}, before any scrypt work, when the slot's
     *     work factor is above {@link MissionPassphrase#MAX_WORK_FACTOR}
     */
    public static X25519Identity passphraseIdentity(BundleManifest manifest, char[] passphrase) {
        if (!manifest.hasPassphrase()) {
            throw new BundleRejectedException(Reason.DECRYPTION, "the bundle has no mission passphrase");
        }
        byte[] encoded;
        try {
            encoded = Age.decrypt(manifest.passphraseKey(),
                    new ScryptIdentity(passphrase, MissionPassphrase.MAX_WORK_FACTOR));
        } catch (ScryptWorkFactorException e) {
            throw new BundleRejectedException(Reason.WORK_FACTOR, "the bundle's mission passphrase slot has scrypt work"
                    + " factor " + e.workFactor() + ", too high: at most " + e.maximum() + " (formats.md 9.5)", e);
        } catch (AgeException e) {
            throw new BundleRejectedException(Reason.DECRYPTION, "the mission passphrase does not open the bundle", e);
        }
        try {
            return X25519Identity.parse(new String(encoded, US_ASCII));
        } catch (RuntimeException e) {
            throw new BundleRejectedException(Reason.MALFORMED, "the bundle's passphrase slot does not hold an age identity");
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static Parts split(byte[] untrustedBundle, Ed25519PublicKey agencyKey, String missionId) {
        if (untrustedBundle == null || untrustedBundle.length == 0) {
            throw new BundleRejectedException(Reason.MALFORMED, "the bundle is empty");
        }
        if (untrustedBundle.length > MAX_BUNDLE_BYTES) {
            throw new BundleRejectedException(Reason.TOO_LARGE, "the bundle is larger than " + MAX_BUNDLE_BYTES + " bytes");
        }
        byte[] magic = (MAGIC + "\n").getBytes(US_ASCII);
        if (untrustedBundle.length < magic.length
                || !Arrays.equals(untrustedBundle, 0, magic.length, magic, 0, magic.length)) {
            throw new BundleRejectedException(Reason.MALFORMED, "not a Carnet bundle (it must start with " + MAGIC + ")");
        }
        int end = -1;
        int limit = Math.min(untrustedBundle.length, magic.length + MAX_MANIFEST_BYTES + 1);
        for (int i = magic.length; i < limit; i++) {
            if (untrustedBundle[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            boolean oversized = untrustedBundle.length - magic.length > MAX_MANIFEST_BYTES;
            throw new BundleRejectedException(oversized ? Reason.TOO_LARGE : Reason.MALFORMED, oversized
                    ? "the bundle manifest is larger than " + MAX_MANIFEST_BYTES + " bytes"
                    : "the bundle is truncated in its manifest");
        }
        byte[] envelope = Arrays.copyOfRange(untrustedBundle, magic.length, end);
        BundleManifest manifest;
        try {
            manifest = BundleManifest.fromJson(
                    SignedEnvelope.open(envelope, agencyKey, BundleManifest.TYPE, MAX_MANIFEST_BYTES).payload());
        } catch (SignatureException e) {
            throw new BundleRejectedException(Reason.SIGNATURE, "the bundle signature is not valid: " + e.getMessage(), e);
        }
        if (!manifest.agencyKeyId().equals(agencyKey.keyId())) {
            throw new BundleRejectedException(Reason.SIGNATURE, "the bundle names another agency key");
        }
        if (!manifest.missionId().equals(missionId)) {
            throw new BundleRejectedException(Reason.WRONG_MISSION, "the bundle is for another mission");
        }
        byte[] payload = Arrays.copyOfRange(untrustedBundle, end + 1, untrustedBundle.length);
        if (payload.length != manifest.payloadSize()) {
            throw new BundleRejectedException(Reason.PAYLOAD, "the bundle payload is " + payload.length + " bytes, the manifest says "
                    + manifest.payloadSize() + " (truncated or padded)");
        }
        if (!Hashes.sha256Hex(payload).equals(manifest.payloadSha256())) {
            throw new BundleRejectedException(Reason.PAYLOAD, "the bundle payload does not match its signed hash");
        }
        return new Parts(manifest, payload);
    }

    private record Parts(BundleManifest manifest, byte[] payload) {
    }

    /**
     * The bundle currently in use on a device.
     *
     * @param version its manifest version
     * @param sha256 hex SHA-256 of the whole bundle file
     */
    public record Installed(long version, String sha256) {
    }

    /**
     * A bundle that verified and decrypted.
     *
     * @param manifest its manifest
     * @param files path to plaintext bytes, in manifest order
     * @param sha256 hex SHA-256 of the whole bundle file
     * @param expired true when its expiry date has passed (warn, do not refuse)
     */
    public record VerifiedBundle(BundleManifest manifest, Map<String, byte[]> files, String sha256, boolean expired) {
    }
}
