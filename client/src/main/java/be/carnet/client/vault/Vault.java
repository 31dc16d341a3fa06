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
 * The vault key's life: created at setup, unwrapped by the passphrase, re-wrapped when the passphrase
 * changes, forgotten on lock, and erased (its wrapped form overwritten and deleted) on panic wipe or
 * when the duress passphrase is typed at unlock. Thread-safe; passphrase attempts (unlock, change,
 * duress settings) run one at a time.
 *
 * <p>After a wrong passphrase the answer is delayed, longer after each failure in a row
 * ({@link #delayAfter}), so guessing through the local page is slow; the Argon2id cost does the same
 * for anyone holding a copy of the file. A wrong current passphrase on the settings page counts the
 * same way.
 */
public final class Vault {

    /** What the app can do: nothing yet, ask for the passphrase, or work. */
    public enum State { ABSENT, LOCKED, UNLOCKED }

    /** Which passphrase opened the vault; pages must not show the difference. */
    public enum Opening { REAL, DURESS }

    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Path keyFile;
    private final KdfParameters newVaultKdf;
    private final Pause pause;
    private final AtomicInteger failures = new AtomicInteger();
    private final List<Runnable> lockListeners = new CopyOnWriteArrayList<>();
    /** Serialises passphrase attempts (unlock, change, duress), so guesses in parallel wait in turn. */
    private final Object attempts = new Object();
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
     * Unwraps the vault key, for callers that hold no data to erase (tests of other services). A duress
     * passphrase is refused here with {@link IllegalStateException} before anything is erased; the app
     * uses {@link #unlock(String, Runnable)}.
     *
     * @throws WrongPassphraseException after the failure delay, if the passphrase does not open it
     * @throws IllegalStateException if there is no vault
     */
    public void unlock(String passphrase) {
        unlock(passphrase, () -> {
            throw new IllegalStateException("this caller cannot erase the data behind a duress passphrase");
        });
    }

    /**
     * Unwraps the vault key with the real passphrase; or, with the duress passphrase, erases everything
     * and opens a new empty vault under that same passphrase. Both cost one Argon2id derivation and end
     * in the same state (unlocked), so the caller shows the same page; only the return value differs.
     *
     * @param eraseEverything the panic wipe (it must erase this vault's key through {@link #erase()} and
     *        then the data files); run only for the duress passphrase
     * @return which passphrase it was
     * @throws WrongPassphraseException after the failure delay, if the passphrase is neither
     * @throws IllegalStateException if there is no vault
     */
    public Opening unlock(String passphrase, Runnable eraseEverything) {
        synchronized (attempts) {
            WrappedKey wrapped = readKeyFile();
            if (!Passphrases.withinMaxLength(passphrase)) {
                throw failed();
            }
            WrappedKey.Attempt attempt = wrapped.attempt(passphrase);
            try {
                if (attempt.wrong()) {
                    throw failed();
                }
                if (attempt.duress()) {
                    openFreshVault(wrapped, attempt.kek(), eraseEverything);
                    return Opening.DURESS;
                }
                replaceKey(attempt.key());
                failures.set(0);
                LOG.info("vault unlocked");
                return Opening.REAL;
            } finally {
                attempt.destroy();
            }
        }
    }

    /**
     * Re-wraps the vault key under a new passphrase: the data, the salt and the duress passphrase stay.
     * The key file is replaced atomically. Costs two Argon2id derivations.
     *
     * @throws PassphraseRuleException if the new passphrase breaks a rule (checked first; nothing tried)
     * @throws WrongPassphraseException after the failure delay, if {@code current} does not open the vault
     *         (the duress passphrase typed here is just wrong: nothing is erased)
     * @throws VaultLockedException when locked
     */
    public void changePassphrase(String current, String newPassphrase, String confirmation) {
        Passphrases.checkNew(newPassphrase, confirmation);
        synchronized (attempts) {
            key();
            WrappedKey wrapped = readKeyFile();
            WrappedKey.Attempt proof = checkCurrent(wrapped, current);
            WrappedKey.Attempt next;
            try {
                next = wrapped.attempt(newPassphrase);
            } catch (RuntimeException e) {
                proof.destroy();
                throw e;
            }
            try {
                if (next.duress()) {
                    throw new PassphraseRuleException(PassphraseRuleException.Rule.SAME_AS_DURESS,
                            "the new passphrase must differ from the duress passphrase");
                }
                write(wrapped.resealed(key(), next.kek()));
            } finally {
                proof.destroy();
                next.destroy();
                if (next.key() != null) {
                    next.key().destroy();
                }
            }
            LOG.info("vault passphrase changed");
        }
    }

    /**
     * Sets the duress passphrase (replacing any earlier one). Costs two Argon2id derivations.
     *
     * @throws PassphraseRuleException if it breaks a rule or is the real passphrase
     * @throws WrongPassphraseException after the failure delay, if {@code current} does not open the vault
     * @throws VaultLockedException when locked
     */
    public void setDuress(String current, String duress, String confirmation) {
        Passphrases.checkNew(duress, confirmation);
        if (current != null && Passphrases.sameText(current, duress)) {
            throw sameAsReal();
        }
        synchronized (attempts) {
            key();
            WrappedKey wrapped = readKeyFile();
            WrappedKey.Attempt proof = checkCurrent(wrapped, current);
            WrappedKey.Attempt candidate;
            try {
                candidate = wrapped.attempt(duress);
            } catch (RuntimeException e) {
                proof.destroy();
                throw e;
            }
            try {
                if (candidate.key() != null) {
                    candidate.key().destroy();
                    throw sameAsReal();
                }
                write(wrapped.resealed(key(), proof.kek()).withDuress(candidate.kek()));
            } finally {
                proof.destroy();
                candidate.destroy();
            }
            LOG.info("vault settings changed");
        }
    }

    /**
     * Removes the duress passphrase, if one is set (the file looks the same either way). Costs one
     * Argon2id derivation.
     *
     * @throws WrongPassphraseException after the failure delay, if {@code current} does not open the vault
     * @throws VaultLockedException when locked
     */
    public void removeDuress(String current) {
        synchronized (attempts) {
            key();
            WrappedKey wrapped = readKeyFile();
            WrappedKey.Attempt proof = checkCurrent(wrapped, current);
            try {
                write(wrapped.resealed(key(), proof.kek()).withDuress(null));
            } finally {
                proof.destroy();
            }
            LOG.info("vault settings changed");
        }
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

    /** The real passphrase typed again to confirm a change; a wrong one counts as a failed attempt. */
    private WrappedKey.Attempt checkCurrent(WrappedKey wrapped, String current) {
        if (!Passphrases.withinMaxLength(current)) {
            throw failed();
        }
        WrappedKey.Attempt proof = wrapped.attempt(current);
        if (proof.key() == null) {
            proof.destroy();
            throw failed();
        }
        proof.key().destroy();
        failures.set(0);
        return proof;
    }

    /** Counts a failure, waits the growing delay, and returns the exception to throw. */
    private WrongPassphraseException failed() {
        int count = failures.incrementAndGet();
        LOG.warn("wrong passphrase ({} failed attempt(s) in a row)", count);
        pause.pause(delayAfter(count));
        return new WrongPassphraseException(count);
    }

    /**
     * The duress path: the panic wipe erases the old key and the data, then a new vault key is sealed
     * under the key already derived from the duress passphrase (same salt and costs, no second
     * derivation, so the timing stays close to a normal unlock) and the vault is left open.
     */
    private void openFreshVault(WrappedKey old, VaultKey duressKek, Runnable eraseEverything) {
        eraseEverything.run();
        erase();
        VaultKey fresh = VaultKey.generate();
        try {
            write(old.freshVault(fresh, duressKek));
        } catch (RuntimeException e) {
            fresh.destroy();
            throw e;
        }
        replaceKey(fresh);
        failures.set(0);
        LOG.info("vault unlocked");
    }

    private void replaceKey(VaultKey opened) {
        synchronized (this) {
            if (key != null) {
                key.destroy();
            }
            key = opened;
        }
    }

    private void write(WrappedKey wrapped) {
        try {
            SafeFiles.writeAtomically(keyFile, wrapped.toBytes(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vault key file", e);
        }
    }

    private static PassphraseRuleException sameAsReal() {
        return new PassphraseRuleException(PassphraseRuleException.Rule.SAME_AS_REAL,
                "the duress passphrase must differ from the real passphrase");
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
