package be.carnet.server;

import be.carnet.protocol.bundle.BundleManifest;
import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.bundle.MissionPassphrase;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.SignedEnvelope;
import be.carnet.server.mission.Mission;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small briefing bundles, built as the content tool would. */
public final class TestBundles {

    private TestBundles() {
    }

    /** A two-file bundle of {@code version} for {@code mission}, signed by {@code signer}. */
    public static byte[] bundle(Mission mission, long version, Ed25519KeyPair signer) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("fr/01-avant.md", "# Avant le départ\n".getBytes(StandardCharsets.UTF_8));
        files.put("nl/01-voor.md", "# Voor vertrek\n".getBytes(StandardCharsets.UTF_8));
        return Bundles.write(mission.id(), version, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), List.of("fr", "nl"), files, List.of(mission.recipient()), signer);
    }

    /**
     * {@link #bundle} that also opens with a mission passphrase, its slot rewritten to claim scrypt work factor
     * {@code workFactor} (as a slot made by hand with {@code age -p} has 18), and signed again by {@code signer}.
     */
    public static byte[] withPassphraseSlot(Mission mission, long version, Ed25519KeyPair signer, int workFactor) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("fr/01-avant.md", "# Avant le départ\n".getBytes(StandardCharsets.UTF_8));
        byte[] built = Bundles.write(mission.id(), version, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), List.of("fr"), files, List.of(mission.recipient()),
                new MissionPassphrase("quatre chevaux dans la neige".toCharArray(), 10), signer);
        BundleManifest manifest = Bundles.verifyManifest(built, signer.publicKey(), mission.id());
        String slot = new String(manifest.passphraseKey(), StandardCharsets.US_ASCII)
                .replaceFirst("(-> scrypt \\S+) 10\n", "$1 " + workFactor + "\n");
        BundleManifest rewritten = new BundleManifest(manifest.missionId(), manifest.version(), manifest.created(),
                manifest.expires(), manifest.languages(), manifest.agencyKeyId(), manifest.payloadSize(),
                manifest.payloadSha256(), manifest.files(), slot.getBytes(StandardCharsets.US_ASCII));
        int payloadStart = built.length - (int) manifest.payloadSize();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Bundles.MAGIC + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(SignedEnvelope.sign(rewritten.toJson(), signer));
        out.write('\n');
        out.write(built, payloadStart, built.length - payloadStart);
        return out.toByteArray();
    }
}
