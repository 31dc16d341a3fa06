package be.carnet.server;

import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.server.mission.Mission;
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
}
