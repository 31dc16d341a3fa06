package be.carnet.content;

import be.carnet.protocol.age.Recipient;
import be.carnet.protocol.briefing.BriefingFormatException;
import be.carnet.protocol.briefing.MissionProfile;
import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.bundle.MissionPassphrase;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        return build(contentDir, missionId, version, created, expires, recipients, null, null, agencyKey);
    }

    /**
     * As {@link #build(Path, String, long, Instant, Instant, List, Ed25519KeyPair)}, with the mission's
     * contacts and an optional mission passphrase.
     *
     * @param profile the mission profile's text (see {@link MissionProfile}), carried as
     *     {@value MissionProfile#PATH}; {@code null} for none
     * @param passphrase also encrypt to this mission passphrase; {@code null} for none
     * @throws ContentException if the check or the profile fails, or there is neither a recipient nor a passphrase
     */
    public static byte[] build(Path contentDir, String missionId, long version, Instant created, Instant expires,
                               List<? extends Recipient> recipients, String profile, MissionPassphrase passphrase,
                               Ed25519KeyPair agencyKey) throws IOException {
        if (recipients.isEmpty() && passphrase == null) {
            throw new ContentException("give at least one recipient (the mission key shown on the mission page)"
                    + " or a mission passphrase");
        }
        if (profile != null) {
            try {
                MissionProfile.parse(profile);
            } catch (BriefingFormatException e) {
                throw new ContentException("the mission profile is not valid: " + e.getMessage());
            }
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
        if (profile != null) {
            files.put(MissionProfile.PATH, profile.getBytes(StandardCharsets.UTF_8));
        }
        return Bundles.write(missionId, version, created, expires, List.copyOf(languages), files, recipients,
                passphrase, agencyKey);
    }
}
