package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.ServiceFixture;
import be.carnet.client.TestParts;
import be.carnet.client.TravellerApp;
import be.carnet.client.storage.Database;
import be.carnet.client.vault.Vault;
import be.carnet.protocol.report.Attachment;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The traveller app's storage, vault and journal in their own process, for {@link CrashSafetyTest}, which
 * kills it: opens the data directory given as the only argument, unlocks with the passphrase read from
 * standard input (never an argument, which other local users can see), prints {@code ready}, then saves
 * incidents without end, printing {@code saved <reportId>} only after {@link Journal#save} returned, that
 * is once the save was confirmed to the traveller. Every third incident takes the draft path instead: a
 * draft, a sealed attachment, then {@link Drafts#markReady}, confirmed once that returned.
 */
public final class CrashSafetyChild {

    private CrashSafetyChild() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String passphrase = new BufferedReader(new InputStreamReader(System.in, UTF_8)).readLine();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);

        Database database = Database.open(dir.resolve(TravellerApp.DATABASE_FILE));
        Vault vault = new Vault(dir.resolve(TravellerApp.KEY_FILE), TestParts.CHEAP_KDF, duration -> { });
        vault.unlock(passphrase);
        Journal journal = new Journal(database, vault, Clock.systemUTC());
        Drafts drafts = new Drafts(database, vault, journal, Clock.systemUTC());
        out.println("ready");

        for (long n = 1; ; n++) {
            String reportId;
            if (n % 3 == 0) {
                String draftId = drafts.create(ServiceFixture.incident("brouillon " + n), "Europe/Brussels");
                drafts.attach(draftId, new Attachment("photo-" + n + ".jpg", "image/jpeg",
                        ("octets de la photo " + n).getBytes(UTF_8)));
                reportId = drafts.markReady(draftId);
            } else {
                reportId = journal.save(ServiceFixture.incident("crash " + n));
            }
            out.println("saved " + reportId);
        }
    }
}
