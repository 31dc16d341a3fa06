package be.carnet.client.vault;

import be.carnet.client.storage.Settings;
import be.carnet.client.web.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks the vault after a period without requests. Checked when a request begins (before it is served)
 * and by a periodic timer, so the key leaves memory even when nobody comes back. Never while a request
 * is being handled: a sync that runs for minutes inside a POST is not cut by the lock, and the idle
 * period starts again when the last request ends. A request that has been in flight longer than
 * {@link #STUCK_AFTER} no longer holds the lock off (a request that never ends must not keep the vault
 * open). The period is read from {@link Settings} at every check, so a change on the settings page takes
 * effect at once; without a stored choice (or with an unreadable one) the start-up default applies.
 * Thread-safe.
 */
public final class IdleLock implements Activity {

    private static final Logger LOG = LoggerFactory.getLogger(IdleLock.class);
    public static final Duration DEFAULT = IdleMinutes.DEFAULT.duration();
    /** How long one request may hold the lock off: far longer than any sync, far shorter than a day. */
    public static final Duration STUCK_AFTER = Duration.ofHours(2);

    private final Vault vault;
    private final Clock clock;
    private final Settings settings;
    private final Duration fallback;
    /** The requests being handled, each with the moment it began. */
    private final Map<Object, Instant> inFlight = new ConcurrentHashMap<>();
    private Instant lastActivity;

    /**
     * @param settings where the traveller's choice is kept
     * @param fallback the period when no choice is stored (the command line's, or {@link #DEFAULT})
     */
    public IdleLock(Vault vault, Clock clock, Settings settings, Duration fallback) {
        this.vault = vault;
        this.clock = clock;
        this.settings = settings;
        this.fallback = fallback;
        this.lastActivity = clock.instant();
    }

    /** Locks the vault if it has been idle too long; then counts the request as in flight. */
    @Override
    public synchronized Object begin() {
        checkNow();
        Object token = new Object();
        Instant now = clock.instant();
        inFlight.put(token, now);
        lastActivity = now;
        return token;
    }

    /** The request has been answered: the idle period starts again from now. */
    @Override
    public synchronized void end(Object token) {
        if (token != null && inFlight.remove(token) != null) {
            lastActivity = clock.instant();
        }
    }

    /** How many requests are being handled now (for tests and the log). */
    public int inFlight() {
        return inFlight.size();
    }

    /** Locks the vault if it has been idle longer than the limit and no request is being handled. */
    public synchronized void checkNow() {
        if (vault.state() != Vault.State.UNLOCKED) {
            return;
        }
        Instant now = clock.instant();
        if (inFlight.values().stream().anyMatch(began -> Duration.between(began, now).compareTo(STUCK_AFTER) < 0)) {
            return;
        }
        Duration idle = idle();
        if (Duration.between(lastActivity, now).compareTo(idle) >= 0) {
            LOG.info("idle for {} minutes: locking", idle.toMinutes());
            vault.lock();
        }
    }

    /** The period in force now. */
    public Duration idle() {
        return stored().map(IdleMinutes::duration).orElse(fallback);
    }

    /** The traveller's stored choice, if any (an unreadable stored value counts as none). */
    public Optional<IdleMinutes> stored() {
        return settings.get(Settings.IDLE_LOCK_MINUTES).map(stored -> IdleMinutes.parse(stored).value());
    }

    /** The period in force now, in whole minutes (for the settings form). */
    public long minutes() {
        return idle().toMinutes();
    }

    /** Stores the traveller's choice; the next check uses it. */
    public void set(IdleMinutes minutes) {
        settings.put(Settings.IDLE_LOCK_MINUTES, Integer.toString(minutes.minutes()));
        LOG.info("idle lock set to {} minutes", minutes.minutes());
    }
}
