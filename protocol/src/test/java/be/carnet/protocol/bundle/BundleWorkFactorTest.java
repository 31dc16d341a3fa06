package be.carnet.protocol.bundle;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.ExternalTool;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.age.Age;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.SignedEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mission passphrase slot made by hand with {@code age -p} (which writes work factor 18) is refused because its
 * work factor is too high (formats.md 9.5: at most 17), not as a wrong passphrase. The slot is made by the real
 * age command, driven through a pseudo-terminal by util-linux {@code script}, since age reads passphrases only
 * from a terminal.
 */
class BundleWorkFactorTest {

    private static final Ed25519KeyPair AGENCY = Ed25519KeyPair.generate();
    private static final String MISSION = "6f1c2a4e-0000-4000-8000-000000000018";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String PASSPHRASE = "quatre chevaux dans la neige";
    private static final byte[] BRIEFING = "Avant le départ".getBytes(UTF_8);

    @TempDir
    static Path dir;
    static X25519Identity slotIdentity;
    static byte[] ageMadeSlot;

    @BeforeAll
    static void ageMakesASlotWithItsDefaultWorkFactor() throws IOException {
        slotIdentity = X25519Identity.generate();
        Path in = Files.write(dir.resolve("slot.key"), slotIdentity.encoded().getBytes(US_ASCII));
        Path out = dir.resolve("slot.age");
        ExternalTool.runOk(List.of("script", "-qec", "age -p -o " + out + " " + in, "/dev/null"),
                (PASSPHRASE + "\n" + PASSPHRASE + "\n").getBytes(UTF_8));
        ageMadeSlot = Files.readAllBytes(out);
    }

    private static byte[] bundleWithSlot(byte[] passphraseKey) {
        byte[] payload = Age.encrypt(BRIEFING, slotIdentity.recipient());
        BundleManifest manifest = new BundleManifest(MISSION, 1, NOW, NOW.plusSeconds(86_400), List.of("fr"),
                AGENCY.publicKey().keyId(), payload.length, Hashes.sha256Hex(payload),
                List.of(new BundleFile("briefings/pre-departure/fr.md", BRIEFING.length, Hashes.sha256Hex(BRIEFING))),
                passphraseKey);
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        bundle.writeBytes((Bundles.MAGIC + "\n").getBytes(US_ASCII));
        bundle.writeBytes(SignedEnvelope.sign(manifest.toJson(), AGENCY));
        bundle.write('\n');
        bundle.writeBytes(payload);
        return bundle.toByteArray();
    }

    @Test
    void theAgeCommandWritesWorkFactor18AndOpensItsOwnSlotWithThePassphrase() {
        byte[] opened = ExternalTool.runOk(List.of("script", "-qec", "age -d " + dir.resolve("slot.age"), "/dev/null"),
                (PASSPHRASE + "\n").getBytes(UTF_8));

        assertTrue(new String(ageMadeSlot, US_ASCII).split("\n")[1].matches("-> scrypt [A-Za-z0-9+/]{22} 18"));
        assertTrue(new String(opened, US_ASCII).endsWith(slotIdentity.encoded()));
    }

    @Test
    void aSlotMadeByAgeDashPIsRefusedBecauseItsWorkFactorIsTooHigh() {
        byte[] bundle = bundleWithSlot(ageMadeSlot);

        BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> Bundles.open(bundle,
                AGENCY.publicKey(), MISSION, null, List.of(), PASSPHRASE.toCharArray(), NOW));

        assertEquals(BundleRejectedException.Reason.WORK_FACTOR, e.reason());
        assertEquals("the bundle's mission passphrase slot has scrypt work factor 18, too high: at most 17"
                + " (formats.md 9.5)", e.getMessage());
    }

    @Test
    void theWorkFactorIsRefusedWhateverThePassphrase() {
        byte[] bundle = bundleWithSlot(ageMadeSlot);

        BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> Bundles.open(bundle,
                AGENCY.publicKey(), MISSION, null, List.of(), "not the passphrase".toCharArray(), NOW));

        assertEquals(BundleRejectedException.Reason.WORK_FACTOR, e.reason());
    }

    @Test
    void theAgencyCanHoldASlotToTheRuleWithoutThePassphraseOrAnyScryptWork() {
        BundleManifest ageMade = Bundles.verifyManifest(bundleWithSlot(ageMadeSlot), AGENCY.publicKey(), MISSION);
        BundleManifest contentTool = Bundles.verifyManifest(Bundles.write(MISSION, 1, NOW, NOW.plusSeconds(86_400),
                List.of("fr"), java.util.Map.of("briefings/pre-departure/fr.md", BRIEFING), List.of(),
                new MissionPassphrase(PASSPHRASE.toCharArray(), 10), AGENCY), AGENCY.publicKey(), MISSION);

        BundleRejectedException e = assertThrows(BundleRejectedException.class,
                () -> Bundles.checkPassphraseSlot(ageMade));
        Bundles.checkPassphraseSlot(contentTool);

        assertEquals(BundleRejectedException.Reason.WORK_FACTOR, e.reason());
        assertEquals("the bundle's mission passphrase slot has scrypt work factor 18, too high: at most 17"
                + " (formats.md 9.5)", e.getMessage());
    }
}
