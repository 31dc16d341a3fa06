package be.carnet.protocol.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.ExternalTool;
import be.carnet.protocol.age.Age;
import be.carnet.protocol.age.ScryptIdentity;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle that also opens with a mission passphrase (the manifest's passphrase slot). */
class BundlePassphraseTest {

    private static final Ed25519KeyPair AGENCY = Ed25519KeyPair.generate();
    private static final X25519Identity DEVICE_KEY = X25519Identity.generate();
    private static final String MISSION = "6f1c2a4e-0000-4000-8000-000000000002";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final char[] PASSPHRASE = "quatre chevaux dans la neige".toCharArray();
    private static final Map<String, byte[]> FILES = files();

    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("briefings/pre-departure/fr.md", "Avant le départ".getBytes(UTF_8));
        files.put("mission/profile.txt", "duty-officer.phone: +32 2 555 01 00\n".getBytes(UTF_8));
        return files;
    }

    private static byte[] bundle(List<X25519Identity> devices, char[] passphrase) {
        return Bundles.write(MISSION, 4, NOW, NOW.plusSeconds(86_400), List.of("fr"), FILES,
                devices.stream().map(X25519Identity::recipient).toList(),
                passphrase == null ? null : new MissionPassphrase(passphrase, 10), AGENCY);
    }

    @Test
    void opensWithTheDeviceKeyAndWithTheMissionPassphrase() {
        byte[] bundle = bundle(List.of(DEVICE_KEY), PASSPHRASE);

        Bundles.VerifiedBundle withKey = Bundles.open(bundle, AGENCY.publicKey(), MISSION, null, List.of(DEVICE_KEY), NOW);
        Bundles.VerifiedBundle withPassphrase = Bundles.open(bundle, AGENCY.publicKey(), MISSION, null, List.of(),
                PASSPHRASE.clone(), NOW);

        assertTrue(withKey.manifest().hasPassphrase());
        assertArrayEquals(FILES.get("mission/profile.txt"), withKey.files().get("mission/profile.txt"));
        assertArrayEquals(FILES.get("briefings/pre-departure/fr.md"),
                withPassphrase.files().get("briefings/pre-departure/fr.md"));
    }

    @Test
    void aPassphraseOnlyBundleNeedsNoRecipient() {
        byte[] bundle = bundle(List.of(), PASSPHRASE);

        Bundles.VerifiedBundle opened = Bundles.open(bundle, AGENCY.publicKey(), MISSION, null, List.of(),
                PASSPHRASE.clone(), NOW);

        assertEquals(2, opened.files().size());
        assertThrows(BundleRejectedException.class,
                () -> Bundles.open(bundle, AGENCY.publicKey(), MISSION, null, List.of(DEVICE_KEY), NOW));
    }

    @Test
    void refusesTheWrongPassphraseWithoutInstallingAnything() {
        byte[] bundle = bundle(List.of(), PASSPHRASE);

        BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> Bundles.open(bundle,
                AGENCY.publicKey(), MISSION, null, List.of(), "cinq chevaux dans la neige".toCharArray(), NOW));

        assertEquals(BundleRejectedException.Reason.DECRYPTION, e.reason());
        assertEquals("the mission passphrase does not open the bundle", e.getMessage());
    }

    @Test
    void aPassphraseOnABundleWithoutOneIsRefusedClearly() {
        byte[] bundle = bundle(List.of(DEVICE_KEY), null);

        BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> Bundles.open(bundle,
                AGENCY.publicKey(), MISSION, null, List.of(), PASSPHRASE.clone(), NOW));

        assertEquals("the bundle has no mission passphrase", e.getMessage());
        assertNull(Bundles.verifyManifest(bundle, AGENCY.publicKey(), MISSION).passphraseKey());
    }

    @Test
    void theSignatureIsCheckedBeforeThePassphraseIsTried() {
        byte[] resigned = Bundles.write(MISSION, 4, NOW, NOW.plusSeconds(86_400), List.of("fr"), FILES, List.of(),
                new MissionPassphrase(PASSPHRASE, 10), Ed25519KeyPair.generate());

        BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> Bundles.open(resigned,
                AGENCY.publicKey(), MISSION, null, List.of(), PASSPHRASE.clone(), NOW));

        assertEquals(BundleRejectedException.Reason.SIGNATURE, e.reason());
    }

    @Test
    void theSlotIsAStandardAgeScryptFileHoldingAnIdentityTheAgeCommandDecryptsThePayloadWith(@TempDir Path dir)
            throws IOException {
        byte[] bundle = bundle(List.of(DEVICE_KEY), PASSPHRASE);
        BundleManifest manifest = Bundles.verifyManifest(bundle, AGENCY.publicKey(), MISSION);

        String identity = new String(Age.decrypt(manifest.passphraseKey(), new ScryptIdentity(PASSPHRASE)), US_ASCII);
        Path key = dir.resolve("slot.key");
        Files.writeString(key, identity + "\n", US_ASCII);
        int payloadStart = bundle.length - (int) manifest.payloadSize();
        byte[] plain = ExternalTool.runOk(List.of("age", "-d", "-i", key.toString()),
                Arrays.copyOfRange(bundle, payloadStart, bundle.length));

        assertTrue(identity.startsWith("AGE-SECRET-KEY-1"));
        assertEquals("Avant le départduty-officer.phone: +32 2 555 01 00\n", new String(plain, UTF_8));
    }

    @Test
    void aSlotWithAWorkFactorAboveSeventeenIsRefusedBeforeAnyScryptWork() {
        BundleManifest manifest = Bundles.verifyManifest(bundle(List.of(), PASSPHRASE), AGENCY.publicKey(), MISSION);
        String slot = new String(manifest.passphraseKey(), US_ASCII);
        BundleManifest costly = new BundleManifest(manifest.missionId(), manifest.version(), manifest.created(),
                manifest.expires(), manifest.languages(), manifest.agencyKeyId(), manifest.payloadSize(),
                manifest.payloadSha256(), manifest.files(), slot.replaceFirst("(-> scrypt \\S+) 10\n", "$1 20\n")
                        .getBytes(US_ASCII));

        BundleRejectedException e = assertThrows(BundleRejectedException.class,
                () -> Bundles.passphraseIdentity(costly, PASSPHRASE.clone()));

        assertEquals(BundleRejectedException.Reason.WORK_FACTOR, e.reason());
        assertEquals("the bundle's mission passphrase slot has scrypt work factor 20, too high: at most 17"
                + " (formats.md 9.5)", e.getMessage());
        assertEquals("the scrypt work factor 20 is too high: this reader accepts at most 17", e.getCause().getMessage());
    }

    @Test
    void eachBuildMakesAFreshSlot() {
        BundleManifest first = Bundles.verifyManifest(bundle(List.of(), PASSPHRASE), AGENCY.publicKey(), MISSION);
        BundleManifest second = Bundles.verifyManifest(bundle(List.of(), PASSPHRASE), AGENCY.publicKey(), MISSION);

        assertFalse(Arrays.equals(first.passphraseKey(), second.passphraseKey()));
    }

    @Test
    void refusesAWeakMissionPassphraseOrWorkFactorAtBuild() {
        assertThrows(IllegalArgumentException.class, () -> new MissionPassphrase("short".toCharArray(), 18));
        assertThrows(IllegalArgumentException.class, () -> new MissionPassphrase(PASSPHRASE, 18));
        assertThrows(IllegalArgumentException.class, () -> Bundles.write(MISSION, 1, NOW, NOW.plusSeconds(60),
                List.of("fr"), FILES, List.of(), null, AGENCY));
    }
}
