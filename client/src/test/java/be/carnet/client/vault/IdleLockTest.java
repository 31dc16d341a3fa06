package be.carnet.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.client.MutableClock;
import be.carnet.client.TestParts;
import be.carnet.client.TravellerApp;
import be.carnet.client.storage.Database;
import be.carnet.client.storage.Settings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle lock and requests in flight (issue 8, item 2b): it never fires while a request is being handled
 * (a sync runs inside a POST), the idle period starts again when the last request ends, and a request stuck
 * for hours no longer holds it off. Time is a hand-moved clock; nothing sleeps.
 */
class IdleLockTest {

    private static final Duration IDLE = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestParts.START);
    private Database database;
    private Vault vault;
    private IdleLock lock;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve(TravellerApp.DATABASE_FILE));
        vault = new Vault(dir.resolve(TravellerApp.KEY_FILE), TestParts.CHEAP_KDF, new TestParts.RecordedWaits());
        vault.create("correct horse battery staple", "correct horse battery staple");
        lock = new IdleLock(vault, clock, new Settings(database), IDLE);
    }

    @AfterEach
    void close() {
        vault.lock();
        database.close();
    }

    @Test
    void neverLocksUnderARequestInFlight() {
        Object sync = lock.begin();

        clock.advance(IDLE.multipliedBy(3));
        lock.checkNow();
        Object other = lock.begin();
        lock.end(other);

        assertEquals(Vault.State.UNLOCKED, vault.state());
    }

    @Test
    void theIdlePeriodStartsAgainWhenTheLastRequestEnds() {
        Object sync = lock.begin();
        clock.advance(IDLE.multipliedBy(3));

        lock.end(sync);
        clock.advance(IDLE.minusSeconds(1));
        lock.checkNow();
        Vault.State justBefore = vault.state();
        clock.advance(Duration.ofSeconds(1));
        lock.checkNow();

        assertEquals(Vault.State.UNLOCKED, justBefore);
        assertEquals(Vault.State.LOCKED, vault.state());
        assertEquals(0, lock.inFlight());
    }

    @Test
    void aRequestArrivingAfterTheIdlePeriodLocksBeforeItIsServed() {
        clock.advance(IDLE);

        Object late = lock.begin();

        assertEquals(Vault.State.LOCKED, vault.state());
        lock.end(late);
    }

    @Test
    void endingTwiceCountsOnce() {
        Object first = lock.begin();
        Object second = lock.begin();

        lock.end(first);
        lock.end(first);
        clock.advance(IDLE.multipliedBy(2));
        lock.checkNow();

        assertEquals(Vault.State.UNLOCKED, vault.state(), "the second request is still in flight");
        assertEquals(1, lock.inFlight());
        lock.end(second);
    }

    @Test
    void aRequestStuckForHoursNoLongerHoldsTheLockOff() {
        lock.begin();

        clock.advance(IdleLock.STUCK_AFTER);
        lock.checkNow();

        assertEquals(Vault.State.LOCKED, vault.state());
    }
}
