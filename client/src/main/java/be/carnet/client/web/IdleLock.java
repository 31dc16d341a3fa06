package be.carnet.client.web;

import be.carnet.client.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks the vault after a period without requests. Checked on every request (before it is served) and
 * by a periodic timer, so the key leaves memory even when nobody comes back. Thread-safe.
 */
public final class IdleLock {

    private static final Logger LOG = LoggerFactory.getLogger(IdleLock.class);
    public static final Duration DEFAULT = Duration.ofMinutes(10);

    private final Vault vault;
    private final Clock clock;
    private final Duration idle;
    private volatile Instant lastActivity;

    public IdleLock(Vault vault, Clock clock, Duration idle) {
        this.vault = vault;
        this.clock = clock;
        this.idle = idle;
        this.lastActivity = clock.instant();
    }

    /** Locks the vault if it has been idle too long; then counts this moment as activity. */
    void activity() {
        checkNow();
        lastActivity = clock.instant();
    }

    /** Locks the vault if it has been idle longer than the limit. */
    public void checkNow() {
        if (vault.state() == Vault.State.UNLOCKED
                && Duration.between(lastActivity, clock.instant()).compareTo(idle) >= 0) {
            LOG.info("idle for {} minutes: locking", idle.toMinutes());
            vault.lock();
        }
    }

    public Duration idle() {
        return idle;
    }
}
