package be.carnet.client.vault;

import be.carnet.protocol.Randomness;
import be.carnet.protocol.keys.SafeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault key's life: created at setup, unwrapped by the passphrase, forgotten on lock, and erased
 * (its wrapped form overwritten and deleted) on panic wipe. Thread-safe.
 *
 * <p>After a wrong passphrase the answer is delayed, longer after each failure in a row
 * ({@link #delayAfter}), so guessing through the local page is slow; the Argon2id cost does the same
 * for anyone holding a copy of the file.
 */
public final class Vault {

    /** What the app can do: nothing yet, ask for the passphrase, or work. */
    public enum State { ABSENT, LOCKED, UNLOCKED }

    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Path keyFile;
    private final KdfParameters newVaultKdf;
    private final Pause pause;
    private final AtomicInteger failures = new AtomicInteger();
    private final List<Runnable> lockListeners = new CopyOnWriteArrayList<>();
    private VaultKey key;

    /**
     * @param keyFile where the wrapped key lives ({@code DATA/vault.key})
     * @param newVaultKdf the Argon2id costs for a vault made by {@link #create}
     * @param pause how the failure delay waits
     */
    public Vault(Path keyFile, KdfParameters newVaultKdf, Pause pause) {
        this.keyFile = keyFile;
        this.newVaultKdf = newVaultKdf;
        this.pause = pause;
    }

    public synchronized State state() {
        if (key != null) {
            return State.UNLOCKED;
        }
        return Files.exists(keyFile) ? State.LOCKED : State.ABSENT;
    }

    /**
     * Makes a new vault key, wraps it with {@code passphrase}, writes the key file durably and leaves the
     * vault unlocked.
     *
     * @throws PassphraseRuleException if the passphrase breaks a rule
     * @throws IllegalStateException if a vault already exists
     */
    public synchronized void create(String passphrase, String confirmation) {
        Passphrases.checkNew(passphrase, confirmation);
        if (state() != State.ABSENT) {
            throw new IllegalStateException("a vault already exists in this data directory");
        }
        VaultKey fresh = VaultKey.generate();
        WrappedKey wrapped = WrappedKey.wrap(fresh, passphrase, newVaultKdf);
        try {
            SafeFiles.writeAtomically(keyFile, wrapped.toBytes(), true);
        } catch (IOException e) {
            fresh.destroy();
            throw new UncheckedIOException("cannot write the vault key file", e);
        }
        key = fresh;
        failures.set(0);
        LOG.info("vault created");
    }

    /**
     * Unwraps the vault key.
     *
     * @throws WrongPassphraseException after the failure delay, if the passphrase does not open it
     * @throws IllegalStateException if there is no vault
     */
    public void unlock(String passphrase) {
        WrappedKey wrapped = readKeyFile();
        VaultKey opened = !Passphrases.withinMaxLength(passphrase)
                ? null : wrapped.unwrap(passphrase);
        if (opened == null) {
            int count = failures.incrementAndGet();
            LOG.warn("wrong passphrase ({} failed attempt(s) in a row)", count);
            pause.pause(delayAfter(count));
            throw new WrongPassphraseException(count);
        }
        synchronized (this) {
            if (key != null) {
                key.destroy();
            }
            key = opened;
        }
        failures.set(0);
        LOG.info("vault unlocked");
    }

    /** Forgets the key (overwriting it in memory) and tells the listeners to drop what they decrypted. */
    public void lock() {
        synchronized (this) {
            if (key == null) {
                return;
            }
            key.destroy();
            key = null;
        }
        lockListeners.forEach(Runnable::run);
        LOG.info("vault locked");
    }

    /**
     * The key, for encrypting and decrypting stored values. Callers must not keep it beyond the call
     * that needs it, so that {@link #lock()} really forgets it.
     *
     * @throws VaultLockedException when locked
     */
    public synchronized VaultKey key() {
        if (key == null) {
            throw new VaultLockedException();
        }
        return key;
    }

    /** Runs {@code listener} after every lock (and panic wipe). */
    public void onLock(Runnable listener) {
        lockListeners.add(listener);
    }

    /**
     * Crypto-erase: locks, overwrites the wrapped key with random bytes on disk, syncs, and deletes it.
     * Without it the database is unreadable even if its files survive. (On flash storage and
     * copy-on-write file systems the old blocks may physically remain; the overwrite is best effort, the
     * deletion is not.)
     */
    public void erase() {
        lock();
        synchronized (this) {
            try (FileChannel channel = FileChannel.open(keyFile, StandardOpenOption.WRITE)) {
                long size = channel.size();
                channel.write(ByteBuffer.wrap(Randomness.bytes((int) Math.max(size, 1))), 0);
                channel.force(true);
            } catch (NoSuchFileException e) {
                // Nothing to overwrite.
            } catch (IOException e) {
                LOG.warn("could not overwrite the vault key file before deleting it: {}", e.getClass().getSimpleName());
            }
            try {
                Files.deleteIfExists(keyFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the vault key file", e);
            }
            failures.set(0);
        }
        LOG.info("vault key erased");
    }

    /** The delay after {@code failures} wrong passphrases in a row: 1 s, 2 s, 4 s … at most 30 s. */
    static Duration delayAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 5);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private WrappedKey readKeyFile() {
        try {
            return WrappedKey.fromBytes(Files.readAllBytes(keyFile));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("there is no vault in this data directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vault key file", e);
        }
    }
}
