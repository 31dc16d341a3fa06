package be.carnet.server.bundle;

import java.util.concurrent.TimeUnit;

import java.util.concurrent.Future;

import java.util.concurrent.Executors;

import java.util.concurrent.ExecutorService;

import java.util.concurrent.CountDownLatch;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.server.form.InvalidInputException;
import be.carnet.server.MutableClock;
import be.carnet.server.TestBundles;
import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleServiceTest {

    @TempDir
    Path data;
    Database database;
    AgencyKeys keys = AgencyKeys.generate();
    MissionService missions;
    BundleService bundles;
    Mission mission;

    @BeforeEach
    void open() {
        database = Database.open(data);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
        missions = new MissionService(database, clock);
        bundles = new BundleService(database, missions, keys, clock);
        mission = missions.create("admin", "Mission", "Beijing");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void publishesABundleSignedByTheAgencyForTheMission() {
        byte[] bundle = TestBundles.bundle(mission, 1, keys.signing());

        PublishedBundle published = bundles.publish(mission.id(), bundle, "admin");

        assertEquals(1, published.version());
        assertEquals(Hashes.sha256Hex(bundle), published.sha256());
        assertEquals(Optional.of(published), bundles.latest(mission.id()));
        assertArrayEquals(bundle, bundles.bytes(published));
    }

    @Test
    void refusesTheSameVersionAgain() {
        bundles.publish(mission.id(), TestBundles.bundle(mission, 1, keys.signing()), "admin");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> bundles.publish(mission.id(), TestBundles.bundle(mission, 1, keys.signing()), "admin"));

        assertEquals("bundle version 1 must be greater than the published version 1", e.getMessage());
        assertEquals("rule.bundle.version", e.ruleKey());
    }

    @Test
    void refusesALowerVersionAndKeepsTheLatest() {
        bundles.publish(mission.id(), TestBundles.bundle(mission, 3, keys.signing()), "admin");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> bundles.publish(mission.id(), TestBundles.bundle(mission, 2, keys.signing()), "admin"));

        assertEquals("bundle version 2 must be greater than the published version 3", e.getMessage());
        assertEquals(3, bundles.latest(mission.id()).orElseThrow().version());
    }

    @Test
    void refusesABundleWhosePassphraseSlotTravellersCouldNotOpen() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> bundles.publish(mission.id(),
                TestBundles.withPassphraseSlot(mission, 1, keys.signing(), 18), "admin"));

        assertEquals("rule.bundle.workFactor", e.ruleKey());
        assertEquals("bundle must have a mission passphrase slot travellers can open (the bundle's mission "
                + "passphrase slot has scrypt work factor 18, too high: at most 17 (formats.md 9.5))", e.getMessage());
        assertEquals(Optional.empty(), bundles.latest(mission.id()));
    }

    @Test
    void publishesABundleWhosePassphraseSlotIsWithinTheLimit() {
        bundles.publish(mission.id(), TestBundles.withPassphraseSlot(mission, 1, keys.signing(), 17), "admin");

        assertEquals(1, bundles.latest(mission.id()).orElseThrow().version());
    }

    @Test
    void refusesABundleSignedByAnotherKey() {
        Ed25519KeyPair stranger = Ed25519KeyPair.generate();

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> bundles.publish(mission.id(), TestBundles.bundle(mission, 1, stranger), "admin"));

        assertEquals("bundle must be signed by this agency's key (the bundle signature is not valid: the document is "
                + "signed by key " + stranger.publicKey().keyId() + ", not by the expected key "
                + keys.signing().publicKey().keyId() + ")", e.getMessage());
        assertEquals("rule.bundle.signature", e.ruleKey());
        assertEquals(Optional.empty(), bundles.latest(mission.id()));
    }

    @Test
    void refusesABundleBuiltForAnotherMission() {
        Mission other = missions.create("admin", "Other", "");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> bundles.publish(mission.id(), TestBundles.bundle(other, 1, keys.signing()), "admin"));

        assertEquals("bundle must be built for this mission", e.getMessage());
        assertEquals(Optional.empty(), bundles.latest(mission.id()));
    }

    @Test
    void refusesATruncatedBundle() {
        byte[] bundle = TestBundles.bundle(mission, 1, keys.signing());
        byte[] truncated = java.util.Arrays.copyOf(bundle, bundle.length - 1);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> bundles.publish(mission.id(), truncated, "admin"));

        assertEquals("rule.bundle.invalid", e.ruleKey());
        assertEquals(Optional.empty(), bundles.latest(mission.id()));
    }

    @Test
    void refusesAnEmptyFile() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> bundles.publish(mission.id(), new byte[0], "admin"));

        assertEquals("bundle is required", e.getMessage());
    }

    @Test
    void aDownloadNeverWaitsForTheDatabaseLockOnceTheBundleIsKnown() throws Exception {
        byte[] bundle = TestBundles.bundle(mission, 1, keys.signing());
        BundleService freshStart = new BundleService(database, missions, keys, Clock.systemUTC());
        PublishedBundle published = bundles.publish(mission.id(), bundle, "admin");
        assertArrayEquals(bundle, freshStart.bytes(published));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            threads.submit(() -> database.transaction(c -> {
                held.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            held.await();

            Future<byte[]> afterPublish = threads.submit(() -> bundles.bytes(published));
            Future<byte[]> afterFirstRead = threads.submit(() -> freshStart.bytes(published));

            assertArrayEquals(bundle, afterPublish.get(20, TimeUnit.SECONDS));
            assertArrayEquals(bundle, afterFirstRead.get(20, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            threads.shutdown();
        }
    }
}
