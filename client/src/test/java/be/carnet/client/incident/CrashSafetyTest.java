package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.protocol.report.SealedReport;
import be.carnet.client.agency.FakeAgency;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's crash proof: the journal in a child JVM ({@link CrashSafetyChild}) saving in a loop is killed
 * with SIGKILL at random moments and restarted, {@code carnet.crash.kills} times (default 100). After every
 * kill, in a fresh process state (the database reopened, which recovers its WAL): every save the child
 * confirmed is present and decrypts, {@code PRAGMA integrity_check} is {@code ok}, and the chain verifies.
 * The seed of the kill moments is printed and can be replayed with {@code carnet.crash.seed}.
 */
class CrashSafetyTest {

    private static final int KILLS = Integer.getInteger("carnet.crash.kills", 100);
    private static final long SEED = Long.getLong("carnet.crash.seed", System.nanoTime());
    /** Longest wait after {@code ready} before the kill; a save takes a few milliseconds. */
    private static final int MAX_KILL_DELAY_MS = 250;
    /** Most kills land while saving; these land during start (JVM start, WAL recovery, migration, unlock). */
    private static final int KILL_DURING_START_ONE_IN = 8;
    private static final int MAX_START_KILL_DELAY_MS = 700;

    @TempDir
    Path tmp;

    @Test
    void everyConfirmedSaveSurvivesSigkillAtRandomMomentsAndTheChainStillVerifies() throws Exception {
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("child.log");
        Random random = new Random(SEED);
        System.out.println("CrashSafetyTest: " + KILLS + " kills, seed " + SEED);
        try (FakeAgency agency = new FakeAgency(java.time.Clock.systemUTC())) {
            try (ServiceFixture enrolled = ServiceFixture.created(data)) {
                enrolled.enrol(agency);
            }
            Set<String> confirmed = new LinkedHashSet<>();
            Set<String> openedByAgency = new HashSet<>();
            long started = System.nanoTime();
            int killedWhileSaving = 0;

            for (int kill = 1; kill <= KILLS; kill++) {
                Child child = Child.start(data, log);
                if (random.nextInt(KILL_DURING_START_ONE_IN) == 0) {
                    child.ready.await(random.nextInt(MAX_START_KILL_DELAY_MS), TimeUnit.MILLISECONDS);
                } else {
                    assertTrue(child.ready.await(60, TimeUnit.SECONDS), "the child did not start; see " + log);
                    Thread.sleep(random.nextInt(MAX_KILL_DELAY_MS));
                    killedWhileSaving++;
                }
                List<String> saved = child.kill(!child.ready.await(0, TimeUnit.MILLISECONDS));
                confirmed.addAll(saved);

                assertRecovered(data, agency, confirmed, openedByAgency, "after kill " + kill);
            }

            assertRecovered(data, agency, confirmed, openedByAgency, "at the end");
            assertEquals(confirmed, openedByAgency);
            System.out.printf("CrashSafetyTest: %d kills (%d while saving), %d confirmed saves, %.1f s%n", KILLS,
                    killedWhileSaving, confirmed.size(), (System.nanoTime() - started) / 1e9);
            assertTrue(confirmed.size() >= KILLS / 2, "too few saves were confirmed to prove anything: "
                    + confirmed.size());
        }
    }

    /**
     * Reopens the data directory as the app would after the crash and checks it. Every report the agency
     * has not opened yet is opened by the agency (decrypted and signature-checked), so that each confirmed
     * report is proven readable once, the whole journal's decryption on every round.
     */
    private static void assertRecovered(Path data, FakeAgency agency, Set<String> confirmed, Set<String> opened,
                                        String when) {
        try (ServiceFixture app = ServiceFixture.reopened(data)) {
            app.vault.unlock(ServiceFixture.PASSPHRASE);

            assertEquals("ok", app.database.pragma("integrity_check"), when);
            JournalVerification verification = app.journal.verify();
            assertTrue(verification.intact(), when + ": " + verification.describe());

            Set<String> present = app.journal.list().stream().map(JournalEntry::reportId)
                    .collect(Collectors.toSet());
            List<String> lost = confirmed.stream().filter(id -> !present.contains(id)).toList();
            assertEquals(List.of(), lost, when + ": confirmed saves lost");
            assertEquals(verification.entries(), present.size(), when + ": every entry is chained");
            int orphans = app.database.read(c -> {
                try (java.sql.Statement st = c.createStatement();
                     java.sql.ResultSet rows = st.executeQuery("SELECT count(*) FROM attachments WHERE owner NOT IN"
                             + " (SELECT draft_id FROM drafts UNION SELECT report_id FROM incidents)")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertEquals(0, orphans, when + ": attachment rows without a draft or an entry");

            for (Outgoing outgoing : app.journal.unacknowledged()) {
                if (confirmed.contains(outgoing.reportId()) && !opened.contains(outgoing.reportId())) {
                    SealedReport.Opened report = agency.open(outgoing.sealed());
                    assertEquals(outgoing.reportId(), report.report().reportId(), when);
                    assertEquals(outgoing.sequence(), report.report().sequence(), when);
                    String description = report.report().incident().description();
                    assertTrue(description.startsWith("crash ") || description.startsWith("brouillon "), when);
                    if (description.startsWith("brouillon ")) {
                        // The draft path: its file travelled with it, whole.
                        assertEquals("octets de la photo " + description.substring("brouillon ".length()),
                                new String(report.report().incident().attachments().get(0).data(),
                                        java.nio.charset.StandardCharsets.UTF_8), when);
                    }
                    opened.add(outgoing.reportId());
                }
            }
        }
    }

    /** One run of {@link CrashSafetyChild}, its standard output read by a thread of its own. */
    private static final class Child {
        final Process process;
        final CountDownLatch ready = new CountDownLatch(1);
        final List<String> saved = new CopyOnWriteArrayList<>();
        final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "crash-child-stdout");
            reader.start();
        }

        static Child start(Path data, Path log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", System.getProperty("java.class.path"), CrashSafetyChild.class.getName(), data.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            try (Writer stdin = new java.io.OutputStreamWriter(process.getOutputStream(), UTF_8)) {
                stdin.write(ServiceFixture.PASSPHRASE + "\n");
            }
            return new Child(process);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.equals("ready")) {
                        ready.countDown();
                    } else if (line.startsWith("saved ")) {
                        saved.add(line.substring("saved ".length()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * SIGKILL (destroyForcibly on Linux), then every confirmation it printed before dying. A child that
         * died by itself fails the test (unless it was still starting, where only the kill is tested).
         */
        List<String> kill(boolean starting) throws InterruptedException {
            assertTrue(starting || process.isAlive(), "the child stopped by itself (exit " + exitCode() + ")");
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child did not die");
            reader.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!reader.isAlive(), "the child's output did not end");
            return List.copyOf(saved);
        }

        private String exitCode() {
            return process.isAlive() ? "none" : Integer.toString(process.exitValue());
        }
    }
}
