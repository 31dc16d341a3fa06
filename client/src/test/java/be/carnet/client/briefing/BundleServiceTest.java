package be.carnet.client.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.client.vault.Secrets;
import be.carnet.client.agency.AgencyException;
import be.carnet.client.agency.FakeAgency;
import be.carnet.i18n.Language;
import be.carnet.protocol.briefing.Briefing;
import be.carnet.protocol.briefing.MissionProfile;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleServiceTest {

    private static final Instant IN_90_DAYS = ServiceFixture.clockStart().plus(Duration.ofDays(90));

    @TempDir
    Path dir;

    private ServiceFixture app;
    private FakeAgency agency;

    @BeforeEach
    void start() throws Exception {
        app = ServiceFixture.created(dir);
        agency = new FakeAgency(app.clock);
        app.enrol(agency);
    }

    @AfterEach
    void stop() {
        agency.close();
        app.close();
    }

    @Test
    void downloadsVerifiesAndInstallsTheMissionBundle() {
        agency.publish(1, IN_90_DAYS, ServiceFixture.files("marqueur"));

        BundleUpdate update = app.bundles.update();

        assertEquals(new BundleUpdate(BundleUpdate.Outcome.INSTALLED, 1, null, null), update);
        BriefingLibrary library = app.bundles.library().orElseThrow();
        assertEquals(1, library.version());
        assertFalse(library.expiredAt(app.clock.instant()));
        assertEquals(List.of("pre-departure", "on-site"), List.copyOf(library.briefings().keySet()));
        assertEquals("Avant le départ", library.find("pre-departure", Language.FR).orElseThrow().briefing().title());
    }

    @Test
    void theInstalledBundleIsReadAgainAfterLockAndUnlock() {
        agency.publish(1, IN_90_DAYS, ServiceFixture.files("marqueur"));
        app.bundles.update();
        app.vault.lock();

        app.vault.unlock(ServiceFixture.PASSPHRASE);

        assertEquals(1, app.bundles.library().orElseThrow().version());
    }

    @Test
    void refusesAnOlderVersionAndKeepsTheInstalledOne() {
        byte[] older = agency.build(1, IN_90_DAYS, ServiceFixture.files("ancien"), agency.signingKey);
        agency.publish(2, IN_90_DAYS, ServiceFixture.files("nouveau"));
        app.bundles.update();
        agency.publishBytes(older);

        BundleUpdate update = app.bundles.update();

        assertEquals(BundleUpdate.Outcome.REJECTED, update.outcome());
        assertEquals("bundle version 1 is older than the installed version 2", update.reason());
        assertEquals(2, app.bundles.library().orElseThrow().version());
        app.vault.lock();
        app.vault.unlock(ServiceFixture.PASSPHRASE);
        assertEquals(2, app.bundles.library().orElseThrow().version());
    }

    @Test
    void refusesTheSameVersionWithOtherContent() {
        agency.publish(1, IN_90_DAYS, ServiceFixture.files("un"));
        app.bundles.update();
        agency.publish(1, IN_90_DAYS, ServiceFixture.files("autre"));

        BundleUpdate update = app.bundles.update();

        assertEquals("bundle version 1 has other content than the installed bundle of the same version",
                update.reason());
    }

    @Test
    void downloadingTheSameBundleAgainChangesNothing() {
        agency.publish(1, IN_90_DAYS, ServiceFixture.files("un"));
        app.bundles.update();

        BundleUpdate update = app.bundles.update();

        assertEquals(BundleUpdate.Outcome.UNCHANGED, update.outcome());
    }

    @Test
    void refusesABundleSignedByAnotherKeyAndInstallsNothing() {
        agency.publishBytes(agency.build(1, IN_90_DAYS, ServiceFixture.files("faux"), Ed25519KeyPair.generate()));

        BundleUpdate update = app.bundles.update();

        assertEquals(BundleUpdate.Outcome.REJECTED, update.outcome());
        assertTrue(update.reason().startsWith("the bundle signature is not valid"), update.reason());
        assertTrue(app.bundles.library().isEmpty());
    }

    @Test
    void aMissingBundleIsReportedAsNotFound() {
        BundleUpdate update = app.bundles.update();

        assertEquals(BundleUpdate.Outcome.AGENCY_FAILED, update.outcome());
        assertEquals(AgencyException.Kind.NOT_FOUND, update.agencyKind());
    }

    @Test
    void anExpiredBundleIsInstalledButMarkedExpired() {
        agency.publish(1, ServiceFixture.clockStart().minus(Duration.ofDays(1)), ServiceFixture.files("vieux"));

        app.bundles.update();

        assertTrue(app.bundles.library().orElseThrow().expiredAt(app.clock.instant()));
    }

    @Test
    void englishFallsBackToFrenchAndDutchHasItsOwn() {
        agency.publish(1, IN_90_DAYS, ServiceFixture.files("x"));
        app.bundles.update();
        BriefingLibrary library = app.bundles.library().orElseThrow();

        BriefingLibrary.Shown english = library.find("pre-departure", Language.EN).orElseThrow();
        BriefingLibrary.Shown dutch = library.find("pre-departure", Language.NL).orElseThrow();
        BriefingLibrary.Shown dutchOnSite = library.find("on-site", Language.NL).orElseThrow();

        assertEquals("fr", english.briefing().lang());
        assertTrue(english.fallback());
        assertEquals("nl", dutch.briefing().lang());
        assertFalse(dutch.fallback());
        assertEquals("fr", dutchOnSite.briefing().lang());
        assertTrue(dutchOnSite.fallback());
        assertEquals(List.of("pre-departure"), library.inPhase("before", Language.NL).stream()
                .map(s -> s.briefing().id()).toList());
        assertEquals(List.of("on-site"), library.inPhase("during", Language.NL).stream()
                .map(s -> s.briefing().id()).toList());
    }

    @Test
    void aBriefingFileThatDoesNotParseIsLeftOutAndCounted() {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(ServiceFixture.files("x"));
        files.put("briefings/broken/fr.md", "---\nid: broken\n---\n<script>alert(1)</script>\n"
                .getBytes(StandardCharsets.UTF_8));
        agency.publish(1, IN_90_DAYS, files);

        app.bundles.update();

        BriefingLibrary library = app.bundles.library().orElseThrow();
        assertEquals(1, library.unreadable());
        assertFalse(library.briefings().containsKey("broken"));
    }

    @Test
    void theChecklistOfTheParsedBriefingKeepsItsIds() {
        agency.publish(1, IN_90_DAYS, ServiceFixture.files("x"));
        app.bundles.update();

        Briefing briefing = app.bundles.library().orElseThrow().find("pre-departure", Language.FR).orElseThrow()
                .briefing();

        assertEquals(List.of("backup", "updates"), briefing.checklist().stream().map(Briefing.ChecklistItem::id)
                .toList());
    }

    @Test
    void installingANewerBundleRecordsWhichBriefingsAreNewChangedOrRemoved() {
        agency.publish(1, IN_90_DAYS, versionOne());
        app.bundles.update();
        agency.publish(2, IN_90_DAYS, versionTwo());

        BundleUpdate update = app.bundles.update();

        assertEquals(BundleUpdate.Outcome.INSTALLED, update.outcome());
        assertEquals(new BundleChanges(2, Map.of("pre-departure", BundleChanges.Change.CHANGED,
                "visa", BundleChanges.Change.NEW, "on-site", BundleChanges.Change.REMOVED)),
                app.bundles.changes().orElseThrow());
        assertEquals(List.of("visa", "pre-departure", "on-site"),
                List.copyOf(app.bundles.changes().orElseThrow().briefings().keySet()));
    }

    @Test
    void aFirstInstallRecordsNoChanges() {
        agency.publish(1, IN_90_DAYS, versionOne());

        app.bundles.update();

        assertEquals(Optional.empty(), app.bundles.changes());
    }

    @Test
    void dismissedChangesStayClearedAfterARestart() {
        agency.publish(1, IN_90_DAYS, versionOne());
        app.bundles.update();
        agency.publish(2, IN_90_DAYS, versionTwo());
        app.bundles.update();

        app.bundles.dismissChanges();
        app.close();
        app = ServiceFixture.reopened(dir);
        app.vault.unlock(ServiceFixture.PASSPHRASE);

        assertEquals(Optional.empty(), app.bundles.changes());
        assertEquals(2, app.bundles.library().orElseThrow().version());
    }

    @Test
    void undismissedChangesSurviveLockAndUnlock() {
        agency.publish(1, IN_90_DAYS, versionOne());
        app.bundles.update();
        agency.publish(2, IN_90_DAYS, versionTwo());
        app.bundles.update();

        app.vault.lock();
        app.vault.unlock(ServiceFixture.PASSPHRASE);

        assertEquals(List.of("visa", "pre-departure", "on-site"),
                List.copyOf(app.bundles.changes().orElseThrow().briefings().keySet()));
    }

    @Test
    void aRollbackAttemptLeavesTheChangesUntouched() {
        byte[] older = agency.build(1, IN_90_DAYS, versionOne(), agency.signingKey);
        agency.publishBytes(older);
        app.bundles.update();
        agency.publish(2, IN_90_DAYS, versionTwo());
        app.bundles.update();
        BundleChanges before = app.bundles.changes().orElseThrow();
        agency.publishBytes(older);

        BundleUpdate update = app.bundles.update();

        assertEquals(BundleUpdate.Outcome.REJECTED, update.outcome());
        assertEquals(before, app.bundles.changes().orElseThrow());
        assertEquals(new BundleChanges(2, Map.of("pre-departure", BundleChanges.Change.CHANGED,
                "visa", BundleChanges.Change.NEW, "on-site", BundleChanges.Change.REMOVED)), before);
    }

    @Test
    void aRollbackAttemptAfterDismissingRecordsNothing() {
        byte[] older = agency.build(1, IN_90_DAYS, versionOne(), agency.signingKey);
        agency.publishBytes(older);
        app.bundles.update();
        agency.publish(2, IN_90_DAYS, versionTwo());
        app.bundles.update();
        app.bundles.dismissChanges();
        agency.publishBytes(older);

        app.bundles.update();

        assertEquals(Optional.empty(), app.bundles.changes());
    }

    /** pre-departure (fr, nl), on-site (fr) and contacts (fr). */
    private static Map<String, byte[]> versionOne() {
        Map<String, byte[]> files = new LinkedHashMap<>(ServiceFixture.files("un"));
        files.put("briefings/contacts/fr.md", contacts());
        return files;
    }

    /** pre-departure changed in nl only, on-site removed, contacts the same, visa new. */
    private static Map<String, byte[]> versionTwo() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, byte[]> one = ServiceFixture.files("un");
        files.put("briefings/visa/fr.md",
                ServiceFixture.briefing("visa", "fr", "before", "Visa", "deux").getBytes(StandardCharsets.UTF_8));
        files.put("briefings/pre-departure/fr.md", one.get("briefings/pre-departure/fr.md"));
        files.put("briefings/pre-departure/nl.md", ServiceFixture.files("deux").get("briefings/pre-departure/nl.md"));
        files.put("briefings/contacts/fr.md", contacts());
        return files;
    }

    private static byte[] contacts() {
        return ServiceFixture.briefing("contacts", "fr", "during", "Contacts", "pareil").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPassphraseOnlyBundleAsksForTheMissionPassphraseAndInstallsNothingWithoutIt() {
        agency.publish(1, IN_90_DAYS, ServiceFixture.files("avant"));
        app.bundles.update();
        agency.publishWithPassphrase(2, IN_90_DAYS, ServiceFixture.files("après"), "sept ponts sur la Meuse", false);

        BundleUpdate update = app.bundles.update();

        assertEquals(BundleUpdate.Outcome.NEEDS_PASSPHRASE, update.outcome());
        assertEquals(1, app.bundles.library().orElseThrow().version());
    }

    @Test
    void aWrongMissionPassphraseInstallsNothing() {
        agency.publishWithPassphrase(1, IN_90_DAYS, ServiceFixture.files("x"), "sept ponts sur la Meuse", false);

        BundleUpdate update = app.bundles.update("huit ponts sur la Meuse".toCharArray());

        assertEquals(BundleUpdate.Outcome.WRONG_PASSPHRASE, update.outcome());
        assertTrue(app.bundles.library().isEmpty());
    }

    @Test
    void theMissionPassphraseInstallsTheBundleWhichReopensAfterUnlockWithoutIt() {
        agency.publishWithPassphrase(1, IN_90_DAYS, ServiceFixture.files("x"), "sept ponts sur la Meuse", false);

        BundleUpdate update = app.bundles.update("sept ponts sur la Meuse".toCharArray());
        app.vault.lock();
        app.vault.unlock(ServiceFixture.PASSPHRASE);

        assertEquals(BundleUpdate.Outcome.INSTALLED, update.outcome());
        assertEquals(1, app.bundles.library().orElseThrow().version());
        assertFalse(app.database.read(c -> Secrets.get(c, app.vault.key(), BundleService.PASSPHRASE_KEY)).isEmpty());
    }

    @Test
    void aBundleForTheMissionKeyAndAPassphraseInstallsWithoutThePassphraseAndForgetsAnOldSlot() {
        agency.publishWithPassphrase(1, IN_90_DAYS, ServiceFixture.files("x"), "sept ponts sur la Meuse", false);
        app.bundles.update("sept ponts sur la Meuse".toCharArray());
        agency.publishWithPassphrase(2, IN_90_DAYS, ServiceFixture.files("y"), "sept ponts sur la Meuse", true);

        BundleUpdate update = app.bundles.update();

        assertEquals(BundleUpdate.Outcome.INSTALLED, update.outcome());
        assertTrue(app.database.read(c -> Secrets.get(c, app.vault.key(), BundleService.PASSPHRASE_KEY)).isEmpty());
    }

    @Test
    void aPassphraseTypedForABundleThatDoesNotNeedItIsIgnored() {
        agency.publish(1, IN_90_DAYS, ServiceFixture.files("x"));

        BundleUpdate update = app.bundles.update("une phrase tapée par habitude".toCharArray());

        assertEquals(BundleUpdate.Outcome.INSTALLED, update.outcome());
    }

    @Test
    void anOlderPassphraseBundleIsRefusedAsOlderBeforeThePassphraseIsTried() {
        byte[] older = agency.publishWithPassphrase(1, IN_90_DAYS, ServiceFixture.files("ancien"),
                "sept ponts sur la Meuse", false);
        agency.publish(2, IN_90_DAYS, ServiceFixture.files("nouveau"));
        app.bundles.update();
        agency.publishBytes(older);

        BundleUpdate update = app.bundles.update("une mauvaise phrase de passe".toCharArray());

        assertEquals(BundleUpdate.Outcome.REJECTED, update.outcome());
        assertEquals("bundle version 1 is older than the installed version 2", update.reason());
    }

    @Test
    void theMissionProfileBecomesTheContactsOfTheLibrary() {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(ServiceFixture.files("x"));
        files.put(MissionProfile.PATH, ("duty-officer.name: Permanence\nduty-officer.phone: +32 2 555 01 00\n"
                + "security-officer.phone: +32 470 55 01 01\n").getBytes(StandardCharsets.UTF_8));
        agency.publish(1, IN_90_DAYS, files);

        app.bundles.update();

        MissionProfile profile = app.bundles.library().orElseThrow().mission().orElseThrow();
        assertEquals("Permanence", profile.contact(MissionProfile.Role.DUTY_OFFICER).orElseThrow().name());
    }

    @Test
    void aMissionProfileThatBreaksARuleIsLeftOutAndCounted() {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(ServiceFixture.files("x"));
        files.put(MissionProfile.PATH, "duty-officer.phone: <script>\n".getBytes(StandardCharsets.UTF_8));
        agency.publish(1, IN_90_DAYS, files);

        app.bundles.update();

        BriefingLibrary library = app.bundles.library().orElseThrow();
        assertTrue(library.mission().isEmpty());
        assertEquals(1, library.unreadable());
    }
}
