package be.carnet.client;

import be.carnet.client.briefing.BundleService;
import be.carnet.client.browser.OwnedBrowser;
import be.carnet.client.briefing.Checklist;
import be.carnet.client.enrolment.EnrolmentService;
import be.carnet.client.incident.Drafts;
import be.carnet.client.incident.Journal;
import be.carnet.client.incident.LastZone;
import be.carnet.client.incident.TripDevices;
import be.carnet.client.vault.DataWipe;
import be.carnet.client.storage.Database;
import be.carnet.client.storage.Settings;
import be.carnet.client.agency.AgencyConnector;
import be.carnet.client.agency.HttpAgency;
import be.carnet.client.sync.SyncService;
import be.carnet.client.vault.KdfParameters;
import be.carnet.client.vault.Pause;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.IdleLock;
import be.carnet.client.web.LaunchTokens;
import be.carnet.i18n.Messages;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traveller's app, assembled: the vault database in a data directory, the services, and the local
 * web server on 127.0.0.1. The programmatic entry point for {@link Main}, the launcher and the
 * end-to-end tests.
 *
 * <p>Thread-safe. {@link #launchUrl()} returns a new one-time link on every call; treat it as a secret
 * (it opens a session) and never log it.
 */
public final class TravellerApp {

    private static final Logger LOG = LoggerFactory.getLogger(TravellerApp.class);
    public static final String DATABASE_FILE = "vault.db";
    public static final String KEY_FILE = "vault.key";
    static final Duration IDLE_CHECK_PERIOD = Duration.ofSeconds(30);

    private final Javalin server;
    private final Database database;
    private final Vault vault;
    private final LaunchTokens launchTokens;
    private final ScheduledExecutorService timer;
    private final OwnedBrowser browser;

    private TravellerApp(Javalin server, Database database, Vault vault, LaunchTokens launchTokens,
                         ScheduledExecutorService timer, OwnedBrowser browser) {
        this.browser = browser;
        this.server = server;
        this.database = database;
        this.vault = vault;
        this.launchTokens = launchTokens;
        this.timer = timer;
    }

    /**
     * Starts the app on {@code 127.0.0.1:port} with the data in {@code dataDir}.
     *
     * @param port 0 for a random free port
     */
    public static TravellerApp start(Path dataDir, int port) {
        return start(Options.defaults(dataDir, port));
    }

    /** Starts the app with every part chosen (tests use their own agency, clock and cheaper KDF). */
    public static TravellerApp start(Options options) {
        prepareDirectory(options.dataDir());
        Database database = Database.open(options.dataDir().resolve(DATABASE_FILE));
        try {
            Vault vault = new Vault(options.dataDir().resolve(KEY_FILE), options.kdf(), options.pause());
            OwnedBrowser browser = new OwnedBrowser(options.dataDir());
            Settings settings = new Settings(database);
            if (vault.state() == Vault.State.ABSENT && holdsData(database)) {
                // Data without its wrapped key is unreadable: an interrupted wipe. Finish it.
                LOG.warn("vault data without a vault key found: erasing it");
                new DataWipe(vault, database, settings, browser).wipe();
            }
            Journal journal = new Journal(database, vault, options.clock());
            EnrolmentService enrolments = new EnrolmentService(database, vault, options.agencies(), journal,
                    options.clock());
            BundleService bundles = new BundleService(database, vault, enrolments, options.agencies(), options.clock());
            Checklist checklist = new Checklist(database, vault);
            SyncService sync = new SyncService(journal, enrolments, options.agencies());
            LaunchTokens launchTokens = new LaunchTokens();
            IdleLock idleLock = new IdleLock(vault, options.clock(), settings, options.idleLock());
            Drafts drafts = new Drafts(database, vault, journal, options.clock());
            TripDevices devices = new TripDevices(database, vault);
            WebDeps deps = new WebDeps(vault, new DataWipe(vault, database, settings, browser), enrolments, bundles, checklist,
                    journal, drafts, devices, sync, settings, Messages.load(), launchTokens, idleLock, options.clock(),
                    new LastZone(database, vault, options.zone()));
            Javalin server = WebServer.create(deps).start("127.0.0.1", options.port());
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "carnet-idle-lock");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(idleLock::checkNow, IDLE_CHECK_PERIOD.toSeconds(), IDLE_CHECK_PERIOD.toSeconds(),
                    TimeUnit.SECONDS);
            LOG.info("Carnet traveller app listening on 127.0.0.1:{}", server.port());
            return new TravellerApp(server, database, vault, launchTokens, timer, browser);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The browser profile this app owns in its data folder (the panic wipe removes it). */
    public OwnedBrowser browser() {
        return browser;
    }

    /** The port the app listens on (127.0.0.1 only). */
    public int port() {
        return server.port();
    }

    /** The path of every GET route in the route table, parameters as {@code {name}}: for tests that walk every page. */
    List<String> getPaths() {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method == HandlerType.GET)
                .map(parsed -> parsed.endpoint.path)
                .toList();
    }

    /** A new one-time link that opens a session: {@code http://127.0.0.1:PORT/launch?token=…}. A secret. */
    public String launchUrl() {
        return "http://127.0.0.1:" + port() + "/launch?token=" + launchTokens.issue();
    }

    /** Stops the server, forgets the vault key and closes the database. */
    public void stop() {
        stopInOrder(List.of(timer::shutdownNow, server::stop, vault::lock, database::close));
        LOG.info("Carnet traveller app stopped");
    }

    /**
     * Runs every step even when an earlier one throws (a server that fails to stop must not leave the
     * vault unlocked or the database open), then rethrows the first failure with the others suppressed.
     */
    static void stopInOrder(List<Runnable> steps) {
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void prepareDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            try {
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Not POSIX (Windows): the profile's ACLs apply.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + dataDir, e);
        }
    }

    private static boolean holdsData(Database database) {
        return database.read(c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT (SELECT count(*) FROM secrets) + (SELECT count(*) FROM incidents)")) {
                return rows.next() && rows.getLong(1) > 0;
            }
        });
    }

    /**
     * How to start the app.
     *
     * @param dataDir the data directory
     * @param port the port, 0 for a random one
     * @param idleLock lock the vault after this long without a request
     * @param kdf Argon2id costs for a new vault
     * @param pause how the wrong-passphrase delay waits
     * @param agencies how to reach the agency
     * @param clock the time
     * @param zone the zone dates are shown in and incidents default to
     */
    public record Options(Path dataDir, int port, Duration idleLock, KdfParameters kdf, Pause pause,
                          AgencyConnector agencies, Clock clock, ZoneId zone) {

        public static Options defaults(Path dataDir, int port) {
            Clock clock = Clock.systemUTC();
            return new Options(dataDir, port, IdleLock.DEFAULT, KdfParameters.DEFAULT, Pause.REAL,
                    HttpAgency.connector(clock), clock, ZoneId.systemDefault());
        }

        public Options withIdleLock(Duration value) {
            return new Options(dataDir, port, value, kdf, pause, agencies, clock, zone);
        }

        public Options withKdf(KdfParameters value) {
            return new Options(dataDir, port, idleLock, value, pause, agencies, clock, zone);
        }

        public Options withPause(Pause value) {
            return new Options(dataDir, port, idleLock, kdf, value, agencies, clock, zone);
        }

        public Options withAgencies(AgencyConnector value) {
            return new Options(dataDir, port, idleLock, kdf, pause, value, clock, zone);
        }

        public Options withClock(Clock value) {
            return new Options(dataDir, port, idleLock, kdf, pause, agencies, value, zone);
        }

        public Options withZone(ZoneId value) {
            return new Options(dataDir, port, idleLock, kdf, pause, agencies, clock, value);
        }
    }
}
