package be.carnet.client.vault;

import be.carnet.client.storage.Settings;
import be.carnet.client.web.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks the vault after a period without requests. Checked on every request (before it is served) and
 * by a periodic timer, so the key leaves memory even when nobody comes back. The period is read from
 * {@link Settings} at every check, so a change on the settings page takes effect at once; without a
 * stored choice (or with an unreadable one) the start-up default applies. Thread-safe.
 */
public final class IdleLock implements Activity {

    private static final Logger LOG = LoggerFactory.getLogger(IdleLock.class);
    public static final Duration DEFAULT = IdleMinutes.DEFAULT.duration();

    private final Vault vault;
    private final Clock clock;
    private final Settings settings;
    private final Duration fallback;
    private volatile Instant lastActivity;

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

    /** Locks the vault if it has been idle too long; then counts this moment as activity. */
    @Override
    public void seen() {
        checkNow();
        lastActivity = clock.instant();
    }

    /** Locks the vault if it has been idle longer than the limit. */
    public void checkNow() {
        if (vault.state() != Vault.State.UNLOCKED) {
            return;
        }
        Duration idle = idle();
        if (Duration.between(lastActivity, clock.instant()).compareTo(idle) >= 0) {
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
