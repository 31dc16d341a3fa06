package be.carnet.protocol.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.age.Age;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.SignedEnvelope;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The briefing bundle: what installs, and the hostile table of what must not. */
class BundlesTest {

    private static final Ed25519KeyPair AGENCY = Ed25519KeyPair.generate();
    private static final X25519Identity MISSION_KEY = X25519Identity.generate();
    private static final String MISSION = "6f1c2a4e-0000-4000-8000-000000000001";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Map<String, byte[]> FILES = files();
    private static final byte[] V2 = bundle(2, FILES, AGENCY);

    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("briefings/pre-departure/fr.md", "Avant le départ".getBytes(UTF_8));
        files.put("briefings/pre-departure/nl.md", "Voor vertrek".getBytes(UTF_8));
        return files;
    }

    private static byte[] bundle(long version, Map<String, byte[]> files, Ed25519KeyPair signer) {
        return Bundles.write(MISSION, version, NOW, NOW.plusSeconds(86_400 * 30), List.of("fr", "nl"), files,
                List.of(MISSION_KEY.recipient()), signer);
    }

    private static Bundles.VerifiedBundle open(byte[] bundle, Bundles.Installed installed) {
        return Bundles.open(bundle, AGENCY.publicKey(), MISSION, installed, List.of(MISSION_KEY), NOW);
    }

    @Test
    void opensAValidBundle() {
        Bundles.VerifiedBundle verified = open(V2, null);

        assertEquals(2, verified.manifest().version());
        assertArrayEquals(FILES.get("briefings/pre-departure/nl.md"), verified.files().get("briefings/pre-departure/nl.md"));
        assertEquals(Hashes.sha256Hex(V2), verified.sha256());
        assertFalse(verified.expired());
    }

    @Test
    void reinstallingTheSameBundleIsAccepted() {
        Bundles.VerifiedBundle verified = open(V2, new Bundles.Installed(2, Hashes.sha256Hex(V2)));

        assertEquals(2, verified.manifest().version());
    }

    @Test
    void flagsAnExpiredBundleWithoutRefusingIt() {
        Bundles.VerifiedBundle verified = Bundles.open(V2, AGENCY.publicKey(), MISSION, null, List.of(MISSION_KEY),
                NOW.plusSeconds(86_400 * 31));

        assertTrue(verified.expired());
    }

    static Stream<Arguments> hostileBundles() {
        int manifestEnd = indexOf(V2, (byte) '\n', Bundles.MAGIC.length() + 1);
        return Stream.of(
                Arguments.of("empty", (Supplier<byte[]>) () -> new byte[0], null, "the bundle is empty"),
                Arguments.of("truncated in the magic line", (Supplier<byte[]>) () -> Arrays.copyOf(V2, 5), null,
                        "not a Carnet bundle (it must start with carnet-bundle/1)"),
                Arguments.of("truncated in the manifest", (Supplier<byte[]>) () -> Arrays.copyOf(V2, manifestEnd - 10),
                        null, "the bundle is truncated in its manifest"),
                Arguments.of("truncated in the payload", (Supplier<byte[]>) () -> Arrays.copyOf(V2, V2.length - 10), null,
                        "the bundle payload is " + (V2.length - 10 - manifestEnd - 1) + " bytes, the manifest says "
                                + (V2.length - manifestEnd - 1) + " (truncated or padded)"),
                Arguments.of("bit flipped in the magic line", flip(2), null,
                        "not a Carnet bundle (it must start with carnet-bundle/1)"),
                Arguments.of("bit flipped in the signature", flip(manifestEnd - 20), null, null),
                Arguments.of("bit flipped in the payload", flip(V2.length - 5), null,
                        "the bundle payload does not match its signed hash"),
                Arguments.of("signed by another key", (Supplier<byte[]>) () -> bundle(2, FILES, Ed25519KeyPair.generate()),
                        null, null),
                Arguments.of("older than installed", (Supplier<byte[]>) () -> bundle(1, FILES, AGENCY),
                        new Bundles.Installed(2, Hashes.sha256Hex(V2)),
                        "bundle version 1 is older than the installed version 2"),
                Arguments.of("same version, other bytes", (Supplier<byte[]>) () -> bundle(2, FILES, AGENCY),
                        new Bundles.Installed(2, Hashes.sha256Hex(V2)),
                        "bundle version 2 has other content than the installed bundle of the same version"),
                Arguments.of("file-name path traversal", (Supplier<byte[]>) () -> forged(List.of("../../etc/passwd"), null),
                        null, "file path \"../../etc/passwd\" is not allowed"),
                Arguments.of("absolute path", (Supplier<byte[]>) () -> forged(List.of("/etc/passwd"), null),
                        null, "file path \"/etc/passwd\" is not allowed"),
                Arguments.of("unknown manifest field", (Supplier<byte[]>) () -> forged(List.of("a.md"), "extra"),
                        null, "the bundle manifest is not valid: manifest has unknown field \"extra\""),
                Arguments.of("file hash does not match", (Supplier<byte[]>) () -> forgedWrongFileHash(),
                        null, "file a.md does not match its hash in the manifest"),
                Arguments.of("oversized manifest", (Supplier<byte[]>) () -> oversizedManifest(), null,
                        "the bundle manifest is larger than " + Bundles.MAX_MANIFEST_BYTES + " bytes"),
                Arguments.of("for another mission", (Supplier<byte[]>) () -> Bundles.write("other-mission", 3, NOW,
                        NOW.plusSeconds(60), List.of("fr"), FILES, List.of(MISSION_KEY.recipient()), AGENCY), null,
                        "the bundle is for another mission"),
                Arguments.of("encrypted to another key", (Supplier<byte[]>) () -> Bundles.write(MISSION, 3, NOW,
                        NOW.plusSeconds(60), List.of("fr"), FILES, List.of(X25519Identity.generate().recipient()),
                        AGENCY), null,
                        "the bundle content cannot be decrypted: no identity matches this file (it was encrypted to someone else)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBundles")
    void refusesHostileBundlesWithAClearError(String name, Supplier<byte[]> hostile, Bundles.Installed installed,
                                              String message) {
        byte[] bytes = hostile.get();

        BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> open(bytes, installed));

        if (message != null) {
            assertEquals(message, e.getMessage());
        } else {
            assertTrue(e.getMessage().startsWith("the bundle signature is not valid: "), e.getMessage());
        }
    }

    /** The rule each row of {@link #hostileBundles()} breaks, as code sees it. */
    private static final Map<String, BundleRejectedException.Reason> REASONS = Map.ofEntries(
            Map.entry("empty", BundleRejectedException.Reason.MALFORMED),
            Map.entry("truncated in the magic line", BundleRejectedException.Reason.MALFORMED),
            Map.entry("truncated in the manifest", BundleRejectedException.Reason.MALFORMED),
            Map.entry("truncated in the payload", BundleRejectedException.Reason.PAYLOAD),
            Map.entry("bit flipped in the magic line", BundleRejectedException.Reason.MALFORMED),
            Map.entry("bit flipped in the signature", BundleRejectedException.Reason.SIGNATURE),
            Map.entry("bit flipped in the payload", BundleRejectedException.Reason.PAYLOAD),
            Map.entry("signed by another key", BundleRejectedException.Reason.SIGNATURE),
            Map.entry("older than installed", BundleRejectedException.Reason.ROLLBACK),
            Map.entry("same version, other bytes", BundleRejectedException.Reason.SAME_VERSION_OTHER_BYTES),
            Map.entry("file-name path traversal", BundleRejectedException.Reason.PATH),
            Map.entry("absolute path", BundleRejectedException.Reason.PATH),
            Map.entry("unknown manifest field", BundleRejectedException.Reason.MALFORMED),
            Map.entry("file hash does not match", BundleRejectedException.Reason.FILE_HASH),
            Map.entry("oversized manifest", BundleRejectedException.Reason.TOO_LARGE),
            Map.entry("for another mission", BundleRejectedException.Reason.WRONG_MISSION),
            Map.entry("encrypted to another key", BundleRejectedException.Reason.DECRYPTION));

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBundles")
    void namesTheRuleEachHostileBundleBreaks(String name, Supplier<byte[]> hostile, Bundles.Installed installed,
                                             String message) {
        byte[] bytes = hostile.get();

        BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> open(bytes, installed));

        assertEquals(REASONS.get(name), e.reason(), name);
    }

    /** A bundle whose manifest the agency really signed, but with contents no honest writer produces. */
    private static byte[] forged(List<String> paths, String extraField) {
        byte[] content = "x".getBytes(UTF_8);
        byte[] payload = Age.encrypt(content, MISSION_KEY.recipient());
        JsonObject manifest = new JsonObject();
        manifest.addProperty("type", BundleManifest.TYPE);
        manifest.addProperty("missionId", MISSION);
        manifest.addProperty("version", 5);
        manifest.addProperty("created", NOW.toString());
        manifest.addProperty("expires", NOW.plusSeconds(60).toString());
        JsonArray langs = new JsonArray();
        langs.add("fr");
        manifest.add("languages", langs);
        manifest.addProperty("agencyKeyId", AGENCY.publicKey().keyId());
        manifest.addProperty("payloadSize", payload.length);
        manifest.addProperty("payloadSha256", Hashes.sha256Hex(payload));
        JsonArray files = new JsonArray();
        for (String path : paths) {
            JsonObject f = new JsonObject();
            f.addProperty("path", path);
            f.addProperty("size", content.length);
            f.addProperty("sha256", Hashes.sha256Hex(content));
            files.add(f);
        }
        manifest.add("files", files);
        if (extraField != null) {
            manifest.addProperty(extraField, 1);
        }
        return assemble(SignedEnvelope.sign(manifest, AGENCY), payload);
    }

    private static byte[] forgedWrongFileHash() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.md", "x".getBytes(UTF_8));
        byte[] honest = bundle(7, files, AGENCY);
        int manifestEnd = indexOf(honest, (byte) '\n', Bundles.MAGIC.length() + 1);
        String envelope = new String(Arrays.copyOfRange(honest, Bundles.MAGIC.length() + 1, manifestEnd), UTF_8);
        JsonObject manifest = SignedEnvelope.open(envelope.getBytes(UTF_8), AGENCY.publicKey(), BundleManifest.TYPE,
                Bundles.MAX_MANIFEST_BYTES).payload();
        byte[] otherPayload = Age.encrypt("y".getBytes(UTF_8), MISSION_KEY.recipient());
        manifest.addProperty("payloadSize", otherPayload.length);
        manifest.addProperty("payloadSha256", Hashes.sha256Hex(otherPayload));
        return assemble(SignedEnvelope.sign(manifest, AGENCY), otherPayload);
    }

    private static byte[] oversizedManifest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Bundles.MAGIC + "\n").getBytes(UTF_8));
        out.writeBytes("{".repeat(Bundles.MAX_MANIFEST_BYTES + 10).getBytes(UTF_8));
        out.write('\n');
        return out.toByteArray();
    }

    private static byte[] assemble(byte[] envelope, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Bundles.MAGIC + "\n").getBytes(UTF_8));
        out.writeBytes(envelope);
        out.write('\n');
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static Supplier<byte[]> flip(int position) {
        return () -> {
            byte[] copy = V2.clone();
            copy[position] ^= 0x01;
            return copy;
        };
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
