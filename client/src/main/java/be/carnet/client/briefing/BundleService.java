package be.carnet.client.briefing;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.enrolment.EnrolmentService;
import be.carnet.client.storage.Database;
import be.carnet.client.vault.Secrets;
import be.carnet.client.agency.AgencyConnector;
import be.carnet.client.agency.AgencyException;
import be.carnet.client.agency.NotEnrolledException;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.VaultKey;
import be.carnet.protocol.briefing.Briefing;
import be.carnet.protocol.briefing.BriefingFormatException;
import be.carnet.protocol.briefing.MissionProfile;
import be.carnet.protocol.bundle.BundleManifest;
import be.carnet.protocol.bundle.BundleRejectedException;
import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.age.Identity;
import be.carnet.protocol.age.X25519Identity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads, verifies and installs the mission's briefing bundle, and keeps its parsed briefings in
 * memory while the vault is open.
 *
 * <p>A bundle is installed only after {@link Bundles#open} accepts it (signature by the pinned agency
 * key, this mission, not older than the installed one, every hash); its bytes are stored sealed by the
 * vault key in one transaction, so the previous bundle stays in use until then. On unlock the stored
 * bundle is verified and decrypted again, and its briefings parsed; nothing decrypted is ever written.
 * Thread-safe.
 */
public final class BundleService {

    private static final Logger LOG = LoggerFactory.getLogger(BundleService.class);
    static final String NAME = "bundle";
    static final String CHANGES = "bundle-changes";
    /** The identity from the installed bundle's passphrase slot, kept when the bundle was opened with it. */
    static final String PASSPHRASE_KEY = "bundle-passphrase-key";
    /** Longest mission passphrase accepted from the form. */
    public static final int MAX_PASSPHRASE = 1024;
    static final Pattern BRIEFING_FILE = Pattern.compile("briefings/([a-z0-9][a-z0-9-]{0,63})/([a-z]{2})\\.md");

    private final Database database;
    private final Vault vault;
    private final EnrolmentService enrolments;
    private final AgencyConnector agencies;
    private final Clock clock;
    private final AtomicReference<Opened> library = new AtomicReference<>();

    public BundleService(Database database, Vault vault, EnrolmentService enrolments, AgencyConnector agencies,
                         Clock clock) {
        this.database = database;
        this.vault = vault;
        this.enrolments = enrolments;
        this.agencies = agencies;
        this.clock = clock;
        vault.onLock(() -> library.set(null));
    }

    /** The installed briefings, decrypted on first use after unlock; empty before a bundle is installed. */
    public Optional<BriefingLibrary> library() {
        return opened().map(Opened::library);
    }

    /**
     * The search index of the installed briefings, built in memory when they are opened after unlock or
     * installed, and dropped with them when the vault locks; empty before a bundle is installed.
     */
    public Optional<BriefingIndex> index() {
        return opened().map(Opened::index);
    }

    /**
     * What changed in the briefings when the installed bundle replaced an older one, until the traveller
     * dismisses it; empty after a first install or once dismissed.
     */
    public Optional<BundleChanges> changes() {
        VaultKey key = vault.key();
        return database.read(c -> Secrets.get(c, key, CHANGES)).map(BundleChanges::decode);
    }

    /** Forgets the summary of changes; idempotent. */
    public void dismissChanges() {
        database.write(c -> {
            Secrets.delete(c, CHANGES);
            return null;
        });
    }

    private Optional<Opened> opened() {
        Opened loaded = library.get();
        if (loaded != null) {
            return Optional.of(loaded);
        }
        Optional<Enrolment> enrolment = enrolments.current();
        if (enrolment.isEmpty()) {
            return Optional.empty();
        }
        VaultKey key = vault.key();
        Optional<byte[]> stored = database.read(c -> Secrets.get(c, key, NAME));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Bundles.VerifiedBundle verified = Bundles.open(stored.get(), enrolment.get().agencyKey(),
                enrolment.get().missionId(), null, identities(enrolment.get(), key), clock.instant());
        Opened opened = Opened.of(parse(verified), verified.manifest());
        library.compareAndSet(null, opened);
        if (vault.state() != Vault.State.UNLOCKED) {
            library.set(null);
        }
        return Optional.of(opened);
    }

    /** Downloads the mission's bundle and installs it if it is new and valid. Calls the network. */
    public BundleUpdate update() {
        return update(null);
    }

    /**
     * As {@link #update()}, also trying the mission passphrase the traveller typed (for a bundle the agency
     * encrypted to a mission passphrase only).
     *
     * @param passphrase as typed, or {@code null}; not kept (only the identity it opens is, sealed)
     */
    public synchronized BundleUpdate update(char[] passphrase) {
        Enrolment enrolment = enrolments.current().orElseThrow(NotEnrolledException::new);
        byte[] untrustedBundle;
        try {
            untrustedBundle = agencies.connect(enrolment.server()).fetchBundle(enrolment.missionId());
        } catch (AgencyException e) {
            LOG.warn("bundle download failed: {}", e.getMessage());
            return new BundleUpdate(BundleUpdate.Outcome.AGENCY_FAILED, installedVersion(), e.kind(), e.getMessage());
        }
        return install(untrustedBundle, passphrase);
    }

    /**
     * Verifies {@code untrustedBundle} and installs it atomically; the installed bundle stays on any refusal.
     * When it replaces an older bundle, the summary of what changed is stored in the same transaction
     * (merged with a summary not dismissed yet).
     */
    public BundleUpdate install(byte[] untrustedBundle) {
        return install(untrustedBundle, null);
    }

    /**
     * As {@link #install(byte[])}. The bundle is first opened with the keys the device holds; only when every
     * check up to decryption passed, decryption failed and the bundle has a passphrase slot is the mission
     * passphrase used (a passphrase typed for a bundle that does not need it is ignored). The identity the
     * passphrase opens is kept, sealed, to reopen the bundle after unlock. A bundle that only a mission
     * passphrase opens, installed without one, gives {@link BundleUpdate.Outcome#NEEDS_PASSPHRASE}.
     */
    public synchronized BundleUpdate install(byte[] untrustedBundle, char[] passphrase) {
        Enrolment enrolment = enrolments.current().orElseThrow(NotEnrolledException::new);
        Optional<Opened> previous = opened();
        Optional<BriefingLibrary> current = previous.map(Opened::library);
        Bundles.Installed installed = current.isEmpty() ? null
                : new Bundles.Installed(current.get().version(), current.get().sha256());
        Bundles.VerifiedBundle verified;
        BriefingLibrary parsed;
        VaultKey key = vault.key();
        X25519Identity slot = null;
        try {
            List<Identity> identities = new ArrayList<>(identities(enrolment, key));
            try {
                verified = Bundles.open(untrustedBundle, enrolment.agencyKey(), enrolment.missionId(), installed,
                        identities, clock.instant());
            } catch (BundleRejectedException e) {
                // Checks 1 to 11 passed when decryption is what failed: only then is the passphrase slot tried.
                if (e.reason() != BundleRejectedException.Reason.DECRYPTION) {
                    throw e;
                }
                BundleManifest manifest = Bundles.verifyManifest(untrustedBundle, enrolment.agencyKey(),
                        enrolment.missionId());
                if (!manifest.hasPassphrase()) {
                    throw e;
                }
                if (passphrase == null) {
                    LOG.info("bundle needs the mission passphrase");
                    return new BundleUpdate(BundleUpdate.Outcome.NEEDS_PASSPHRASE, installedVersion(), null,
                            e.getMessage());
                }
                if (passphrase.length == 0 || passphrase.length > MAX_PASSPHRASE) {
                    return new BundleUpdate(BundleUpdate.Outcome.WRONG_PASSPHRASE, installedVersion(), null,
                            "the mission passphrase must have 1 to " + MAX_PASSPHRASE + " characters");
                }
                try {
                    slot = Bundles.passphraseIdentity(manifest, passphrase);
                } catch (BundleRejectedException wrong) {
                    LOG.warn("bundle not opened: {}", wrong.getMessage());
                    BundleUpdate.Outcome outcome = wrong.reason() == BundleRejectedException.Reason.WORK_FACTOR
                            ? BundleUpdate.Outcome.WORK_FACTOR_TOO_HIGH : BundleUpdate.Outcome.WRONG_PASSPHRASE;
                    return new BundleUpdate(outcome, installedVersion(), null, wrong.getMessage());
                }
                identities.add(slot);
                verified = Bundles.open(untrustedBundle, enrolment.agencyKey(), enrolment.missionId(), installed,
                        identities, clock.instant());
            }
            if (installed != null && installed.sha256().equals(verified.sha256())) {
                return new BundleUpdate(BundleUpdate.Outcome.UNCHANGED, installed.version(), null, null);
            }
            parsed = parse(verified);
        } catch (BundleRejectedException e) {
            LOG.warn("bundle refused: {}", e.getMessage());
            return new BundleUpdate(BundleUpdate.Outcome.REJECTED, installedVersion(), null, e.getMessage());
        }
        BundleManifest installedManifest = verified.manifest();
        Optional<BundleChanges> changes = previous.map(p -> BundleChanges.between(p.manifest(), installedManifest));
        byte[] slotKey = slot == null ? null : slot.encoded().getBytes(StandardCharsets.US_ASCII);
        database.write(c -> {
            Secrets.put(c, key, NAME, untrustedBundle);
            if (slotKey != null) {
                Secrets.put(c, key, PASSPHRASE_KEY, slotKey);
            } else {
                // A new bundle opened without a passphrase: the mission key opened it (every build has a fresh slot).
                Secrets.delete(c, PASSPHRASE_KEY);
            }
            if (changes.isPresent()) {
                BundleChanges summary = Secrets.get(c, key, CHANGES).map(BundleChanges::decode)
                        .map(undismissed -> undismissed.then(changes.get())).orElse(changes.get());
                Secrets.put(c, key, CHANGES, summary.encode());
            } else {
                Secrets.delete(c, CHANGES);
            }
            return null;
        });
        library.set(Opened.of(parsed, installedManifest));
        LOG.info("bundle version {} installed ({} briefings)", parsed.version(), parsed.briefings().size());
        return new BundleUpdate(BundleUpdate.Outcome.INSTALLED, parsed.version(), null, null);
    }

    /** The mission key, and the identity a mission passphrase opened for the installed bundle, if any. */
    private List<Identity> identities(Enrolment enrolment, VaultKey key) {
        List<Identity> identities = new ArrayList<>();
        identities.add(enrolment.missionKey());
        database.read(c -> Secrets.get(c, key, PASSPHRASE_KEY)).ifPresent(encoded -> {
            identities.add(X25519Identity.parse(new String(encoded, StandardCharsets.US_ASCII)));
            Arrays.fill(encoded, (byte) 0);
        });
        return identities;
    }

    /** The briefings, their index and the manifest they came with, opened together and dropped together. */
    private record Opened(BriefingLibrary library, BriefingIndex index, BundleManifest manifest) {

        static Opened of(BriefingLibrary library, BundleManifest manifest) {
            return new Opened(library, BriefingIndex.of(library), manifest);
        }
    }

    private long installedVersion() {
        return library().map(BriefingLibrary::version).orElse(0L);
    }

    private static BriefingLibrary parse(Bundles.VerifiedBundle bundle) {
        Map<String, Map<String, Briefing>> briefings = new LinkedHashMap<>();
        int unreadable = 0;
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
            Matcher name = BRIEFING_FILE.matcher(file.getKey());
            if (!name.matches()) {
                continue;
            }
            try {
                Briefing briefing = Briefing.parse(strictUtf8(file.getValue()));
                if (!briefing.id().equals(name.group(1)) || !briefing.lang().equals(name.group(2))) {
                    throw new BriefingFormatException(1, "the id or language does not match the file name");
                }
                briefings.computeIfAbsent(briefing.id(), id -> new LinkedHashMap<>()).put(briefing.lang(), briefing);
            } catch (BriefingFormatException e) {
                // The line number only: a rule message may quote a piece of the briefing.
                unreadable++;
                LOG.warn("briefing file {} left out: format error at line {}", file.getKey(), e.line());
            } catch (CharacterCodingException e) {
                unreadable++;
                LOG.warn("briefing file {} left out: not UTF-8", file.getKey());
            }
        }
        MissionProfile profile = null;
        byte[] profileFile = bundle.files().get(MissionProfile.PATH);
        if (profileFile != null) {
            try {
                profile = MissionProfile.parse(strictUtf8(profileFile));
            } catch (BriefingFormatException e) {
                unreadable++;
                LOG.warn("mission profile left out: format error at line {}", e.line());
            } catch (CharacterCodingException e) {
                unreadable++;
                LOG.warn("mission profile left out: not UTF-8");
            }
        }
        return new BriefingLibrary(bundle.manifest().version(), bundle.sha256(), bundle.manifest().created(),
                bundle.manifest().expires(), briefings, unreadable, profile);
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
