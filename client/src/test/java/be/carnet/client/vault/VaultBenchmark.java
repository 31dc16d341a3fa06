package be.carnet.client.vault;

import be.carnet.client.browser.OwnedBrowser;
import be.carnet.client.storage.Database;
import be.carnet.client.storage.Settings;
import be.carnet.protocol.Randomness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Issue 4's vault numbers, run by hand (not a test; DESIGN: budgets are measured, never asserted):
 * unlock with the default Argon2id costs (first after start, then warm), a wrong passphrase (without the
 * failure delay), a duress unlock, a passphrase change and a panic wipe of a database holding
 * {@code MiB} of sealed data. Usage: {@code java -cp … VaultBenchmark [MiB [passes]]} (passes: try other
 * Argon2id time costs than the default, with its memory).
 */
public final class VaultBenchmark {

    private static final String REAL = "correct horse battery staple";
    private static final String DURESS = "une autre phrase bien choisie";
    private static final int RUNS = 9;

    private VaultBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("carnet-vault-bench");
        Path keyFile = dir.resolve("vault.key");
        KdfParameters kdf = args.length > 1 ? new KdfParameters(KdfParameters.DEFAULT.memoryKiB(),
                Integer.parseInt(args[1]), KdfParameters.DEFAULT.parallelism()) : KdfParameters.DEFAULT;
        Vault vault = new Vault(keyFile, kdf, duration -> { });
        System.out.printf("Argon2id %s, %d cores, %s%n", kdf,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

        long created = time(() -> vault.create(REAL, REAL));
        vault.lock();
        long first = time(() -> vault.unlock(REAL));
        List<Long> unlocks = new ArrayList<>();
        List<Long> wrongs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            vault.lock();
            unlocks.add(time(() -> vault.unlock(REAL)));
            vault.lock();
            wrongs.add(time(() -> {
                try {
                    vault.unlock("not the passphrase at all");
                } catch (WrongPassphraseException expected) {
                    // measured
                }
            }));
        }
        vault.unlock(REAL);
        List<Long> changes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String from = i % 2 == 0 ? REAL : REAL + " bis";
            String to = i % 2 == 0 ? REAL + " bis" : REAL;
            changes.add(time(() -> vault.changePassphrase(from, to, to)));
        }
        if (RUNS % 2 == 1) {
            vault.changePassphrase(REAL + " bis", REAL, REAL);
        }
        System.out.printf("create: %d ms%n", created / 1_000_000);
        System.out.printf("unlock, first after start: %d ms%n", first / 1_000_000);
        System.out.printf("unlock, warm: %s%n", summary(unlocks));
        System.out.printf("wrong passphrase (no delay): %s%n", summary(wrongs));
        System.out.printf("change passphrase: %s%n", summary(changes));

        List<Long> wipes = new ArrayList<>();
        List<Long> duresses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Database database = Database.open(dir.resolve("vault.db"));
            Settings settings = new Settings(database);
            DataWipe wipe = new DataWipe(vault, database, settings, new OwnedBrowser(dir));
            if (vault.state() == Vault.State.ABSENT) {
                vault.create(REAL, REAL);
            }
            fill(database, vault, mebibytes);
            vault.setDuress(REAL, DURESS, DURESS);
            vault.lock();
            duresses.add(time(() -> vault.unlock(DURESS, wipe::wipe)));
            fill(database, vault, mebibytes);
            wipes.add(time(wipe::wipe));
            database.close();
        }
        System.out.printf("duress unlock (wipe of %d MiB + new vault): %s%n", mebibytes, summary(duresses));
        System.out.printf("panic wipe of %d MiB: %s%n", mebibytes, summary(wipes));
    }

    private static void fill(Database database, Vault vault, int mebibytes) {
        byte[] chunk = Randomness.bytes(64 * 1024);
        database.write(c -> {
            for (int i = 0; i < mebibytes * 16; i++) {
                Secrets.put(c, vault.key(), "bench-" + i, chunk);
            }
            return null;
        });
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("median %d ms (min %d, max %d, n=%d)", sorted.get(sorted.size() / 2) / 1_000_000,
                sorted.get(0) / 1_000_000, sorted.get(sorted.size() - 1) / 1_000_000, sorted.size());
    }
}
