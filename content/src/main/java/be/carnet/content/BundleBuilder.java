package be.carnet.content;

import be.carnet.protocol.age.Recipient;
import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds a mission bundle from a content directory that passes {@link ContentCheck}. */
public final class BundleBuilder {

    private BundleBuilder() {
    }

    /**
     * Checks {@code contentDir} and, if it passes, returns the signed bundle of its briefings,
     * encrypted to {@code recipients} (the mission key, and optionally enrolled devices).
     *
     * @throws ContentException if the check fails (the message lists the errors) or no recipient is given
     */
    public static byte[] build(Path contentDir, String missionId, long version, Instant created, Instant expires,
                               List<? extends Recipient> recipients, Ed25519KeyPair agencyKey) throws IOException {
        if (recipients.isEmpty()) {
            throw new ContentException("give at least one recipient (the mission key shown on the mission page)");
        }
        if (version < 1) {
            throw new ContentException("the bundle version must be at least 1");
        }
        if (!expires.isAfter(created)) {
            throw new ContentException("the expiry date must be after the build date");
        }
        ContentCheck.Result check = ContentCheck.run(contentDir, LocalDate.ofInstant(created, ZoneOffset.UTC));
        if (!check.ok()) {
            throw new ContentException("the content does not pass the check:\n" + String.join("\n", check.errors()));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        TreeSet<String> languages = new TreeSet<>();
        for (String path : check.briefings().keySet()) {
            files.put(path, Files.readAllBytes(contentDir.resolve(path)));
            languages.add(check.briefings().get(path).lang());
        }
        return Bundles.write(missionId, version, created, expires, List.copyOf(languages), files, recipients, agencyKey);
    }
}
