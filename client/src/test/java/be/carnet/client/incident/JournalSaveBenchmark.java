package be.carnet.client.incident;

import be.carnet.client.ServiceFixture;
import be.carnet.client.agency.FakeAgency;
import be.carnet.protocol.Randomness;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Issue 4's benchmark, run by hand (not a test, nothing asserted): the latency of {@link Journal#save}
 * (seal the fields, chain, sign, age-encrypt to the agency, seal again, durable commit) against a plain
 * durable SQLite insert (WAL, {@code synchronous=FULL}, one transaction) of a row of the same size, in the
 * same run, on the same disk, interleaved so that both see the same conditions; p50 / p99 and their ratios.
 * Also the time of one {@link Journal#verify()} over the journal it built. Usage: {@code java -cp …
 * JournalSaveBenchmark [saves] [data-parent-dir]} (default 500 saves after 200 warm-up ones, in the system
 * temporary directory).
 */
public final class JournalSaveBenchmark {

    private static final int WARM_UP = 200;

    private JournalSaveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path parent = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = Files.createTempDirectory(parent, "carnet-save-bench");
        Incident incident = new Incident(Category.T04, Severity.S2, Tlp.AMBER, "2026-12-03T14:30+08:00",
                "Hôtel, chambre 1204, Shanghai", "Ordinateur laissé dans la chambre pendant le dîner ; au retour,"
                + " l’écran était allumé et le câble de charge branché autrement. ".repeat(4));
        try (FakeAgency agency = new FakeAgency(Clock.systemUTC());
             ServiceFixture app = ServiceFixture.created(dir.resolve("journal"));
             Connection plain = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("plain.db"))) {
            app.enrol(agency);
            try (Statement statement = plain.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, report_id TEXT NOT NULL, state TEXT NOT NULL,"
                        + " sequence INTEGER, payload BLOB NOT NULL)");
            }
            app.journal.save(incident);
            int rowBytes = storedBytes(app);
            byte[] payload = Randomness.bytes(rowBytes);
            plain.setAutoCommit(false);

            long[] save = new long[saves];
            long[] insert = new long[saves];
            for (int i = 0; i < WARM_UP + saves; i++) {
                long t0 = System.nanoTime();
                app.journal.save(incident);
                long t1 = System.nanoTime();
                try (PreparedStatement statement = plain.prepareStatement(
                        "INSERT INTO rows (report_id, state, sequence, payload) VALUES (?, 'ready', ?, ?)")) {
                    statement.setString(1, Randomness.uuid());
                    statement.setLong(2, i + 1);
                    statement.setBytes(3, payload);
                    statement.executeUpdate();
                }
                plain.commit();
                long t2 = System.nanoTime();
                if (i >= WARM_UP) {
                    save[i - WARM_UP] = t1 - t0;
                    insert[i - WARM_UP] = t2 - t1;
                }
            }
            long v0 = System.nanoTime();
            JournalVerification verification = app.journal.verify();
            long v1 = System.nanoTime();

            Arrays.sort(save);
            Arrays.sort(insert);
            System.out.printf("row size: %d bytes sealed in the journal row; the plain row carries as many%n", rowBytes);
            System.out.printf("%d measured saves after %d warm-up, interleaved%n", saves, WARM_UP);
            System.out.printf("Journal.save      p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                    ms(save, 50), ms(save, 90), ms(save, 99), save[saves - 1] / 1e6);
            System.out.printf("plain insert      p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                    ms(insert, 50), ms(insert, 90), ms(insert, 99), insert[saves - 1] / 1e6);
            System.out.printf("ratio save/insert p50 %6.2f     p99 %6.2f%n", ms(save, 50) / ms(insert, 50),
                    ms(save, 99) / ms(insert, 99));
            System.out.printf("Journal.verify over %s: %.1f ms%n", verification.describe(), (v1 - v0) / 1e6);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double ms(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(index, 0)] / 1e6;
    }

    /** The bytes a saved entry occupies: its clear id and state plus its sealed columns. */
    private static int storedBytes(ServiceFixture app) {
        return app.database.read(c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT length(report_id) + length(state) + length(fields_sealed)"
                         + " + length(signed_sealed) + length(report_sealed) FROM incidents ORDER BY id DESC LIMIT 1")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
