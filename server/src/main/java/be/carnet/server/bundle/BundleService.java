package be.carnet.server.bundle;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.bundle.BundleManifest;
import be.carnet.protocol.bundle.BundleRejectedException;
import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.bundle.MissionPassphrase;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.form.InvalidInputException;
import be.carnet.server.mission.MissionService;
import be.carnet.server.storage.AuditLog;
import be.carnet.server.storage.Database;
import java.lang.ref.SoftReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes briefing bundles and serves the latest one per mission. A bundle is published only if its
 * manifest is signed by this agency's key, names the mission, and has a version above the published
 * one: devices refuse rollbacks, so the agency never serves one. Thread-safe.
 *
 * <p>A published bundle never changes, so the latest bundle's bytes are kept in memory after they are
 * published or first read (softly: the collector may drop them under memory pressure, and the next
 * download reads them again). A download therefore reads up to 64 MiB from the database once per mission
 * and start, not once per device, and never holds the database lock while it sends.
 */
public final class BundleService {

    public static final int MAX_BUNDLE_BYTES = Bundles.MAX_BUNDLE_BYTES;

    private final Database database;
    private final MissionService missions;
    private final AgencyKeys keys;
    private final Clock clock;
    private final ConcurrentHashMap<String, SoftReference<KeptBytes>> kept = new ConcurrentHashMap<>();
    private final Object loading = new Object();

    /** The bytes of one published version. */
    private record KeptBytes(long version, byte[] bytes) {
    }

    public BundleService(Database database, MissionService missions, AgencyKeys keys, Clock clock) {
        this.database = database;
        this.missions = missions;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Verifies and stores {@code untrustedBundle} as the mission's latest bundle.
     *
     * @throws InvalidInputException naming the rule the bundle breaks (field {@code bundle})
     * @throws be.carnet.server.mission.UnknownMissionException if there is no such mission
     */
    public PublishedBundle publish(String missionId, byte[] untrustedBundle, String actor) {
        missions.get(missionId);
        BundleManifest manifest = verify(missionId, untrustedBundle);
        String sha256 = Hashes.sha256Hex(untrustedBundle);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        PublishedBundle published = database.transaction(c -> {
            Optional<PublishedBundle> latest = latest(c, missionId);
            if (latest.isPresent() && manifest.version() <= latest.get().version()) {
                throw new InvalidInputException("field.bundle", "rule.bundle.version",
                        "bundle version " + manifest.version() + " must be greater than the published version "
                                + latest.get().version(), manifest.version(), latest.get().version());
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bundles "
                    + "(mission_id, version, sha256, bytes, published_at_ms, published_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, missionId);
                insert.setLong(2, manifest.version());
                insert.setString(3, sha256);
                insert.setBytes(4, untrustedBundle);
                insert.setLong(5, now.toEpochMilli());
                insert.setString(6, actor);
                insert.executeUpdate();
            }
            AuditLog.record(c, now, actor, "bundle.publish", "mission " + missionId + ", version "
                    + manifest.version() + ", sha256 " + sha256);
            return new PublishedBundle(missionId, manifest.version(), sha256, untrustedBundle.length, now, actor);
        });
        keep(missionId, published.version(), untrustedBundle.clone());
        return published;
    }

    private BundleManifest verify(String missionId, byte[] untrustedBundle) {
        if (untrustedBundle == null || untrustedBundle.length == 0) {
            throw new InvalidInputException("field.bundle", "rule.required", "bundle is required");
        }
        if (untrustedBundle.length > MAX_BUNDLE_BYTES) {
            throw new InvalidInputException("field.bundle", "rule.size.max",
                    "bundle must be at most " + MAX_BUNDLE_BYTES + " bytes", MAX_BUNDLE_BYTES);
        }
        try {
            BundleManifest manifest = Bundles.verifyManifest(untrustedBundle, keys.signing().publicKey(), missionId);
            Bundles.checkPassphraseSlot(manifest);
            return manifest;
        } catch (BundleRejectedException e) {
            String reason = e.getMessage();
            switch (e.reason()) {
                case SIGNATURE -> throw new InvalidInputException("field.bundle", "rule.bundle.signature",
                        "bundle must be signed by this agency's key (" + reason + ")");
                case WRONG_MISSION -> throw new InvalidInputException("field.bundle", "rule.bundle.mission",
                        "bundle must be built for this mission");
                case TOO_LARGE -> throw new InvalidInputException("field.bundle", "rule.bundle.tooLarge",
                        "bundle must be a valid Carnet bundle (" + reason + ")");
                case PATH -> throw new InvalidInputException("field.bundle", "rule.bundle.path",
                        "bundle must be a valid Carnet bundle (" + reason + ")");
                case WORK_FACTOR -> throw new InvalidInputException("field.bundle", "rule.bundle.workFactor",
                        "bundle must have a mission passphrase slot travellers can open (" + reason + ")",
                        MissionPassphrase.MAX_WORK_FACTOR);
                case MALFORMED, PAYLOAD, ROLLBACK, SAME_VERSION_OTHER_BYTES, DECRYPTION, FILE_HASH ->
                        throw new InvalidInputException("field.bundle", "rule.bundle.invalid",
                                "bundle must be a valid Carnet bundle (" + reason + ")");
                default -> throw new IllegalStateException("unknown bundle rule " + e.reason(), e);
            }
        }
    }

    /** The latest bundle of mission {@code missionId}, without its bytes. */
    public Optional<PublishedBundle> latest(String missionId) {
        return database.read(c -> latest(c, missionId));
    }

    /**
     * The bytes of the published bundle {@code bundle}: from memory when this version is kept, else read
     * once from the database (one reader at a time) and kept. The array is shared: do not modify it.
     */
    public byte[] bytes(PublishedBundle bundle) {
        byte[] known = keptBytes(bundle);
        if (known != null) {
            return known;
        }
        synchronized (loading) {
            known = keptBytes(bundle);
            if (known != null) {
                return known;
            }
            byte[] read = read(bundle);
            keep(bundle.missionId(), bundle.version(), read);
            return read;
        }
    }

    private byte[] keptBytes(PublishedBundle bundle) {
        SoftReference<KeptBytes> reference = kept.get(bundle.missionId());
        KeptBytes bytes = reference == null ? null : reference.get();
        return bytes != null && bytes.version() == bundle.version() ? bytes.bytes() : null;
    }

    private void keep(String missionId, long version, byte[] bytes) {
        kept.merge(missionId, new SoftReference<>(new KeptBytes(version, bytes)), (old, fresh) -> {
            KeptBytes previous = old.get();
            return previous != null && previous.version() > version ? old : fresh;
        });
    }

    private byte[] read(PublishedBundle bundle) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT bytes FROM bundles WHERE mission_id = ? AND version = ?")) {
                query.setString(1, bundle.missionId());
                query.setLong(2, bundle.version());
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("bundle " + bundle.version() + " of mission "
                                + bundle.missionId() + " vanished");
                    }
                    return rows.getBytes(1);
                }
            }
        });
    }

    private static Optional<PublishedBundle> latest(Connection c, String missionId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT version, sha256, length(bytes), published_at_ms, "
                + "published_by FROM bundles WHERE mission_id = ? ORDER BY version DESC LIMIT 1")) {
            query.setString(1, missionId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PublishedBundle(missionId, rows.getLong(1), rows.getString(2), rows.getLong(3),
                        Instant.ofEpochMilli(rows.getLong(4)), rows.getString(5)));
            }
        }
    }
}
