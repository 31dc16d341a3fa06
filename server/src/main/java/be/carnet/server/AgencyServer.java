package be.carnet.server;

import be.carnet.i18n.Messages;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.bundle.BundleService;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.intake.IntakeService;
import be.carnet.server.limits.BodyLimits;
import be.carnet.server.mission.MissionService;
import be.carnet.server.report.ReportQueries;
import be.carnet.server.staff.PasswordHasher;
import be.carnet.server.staff.Role;
import be.carnet.server.staff.SessionStore;
import be.carnet.server.staff.StaffService;
import be.carnet.server.storage.Database;
import be.carnet.server.web.ClientAddress;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The agency server as a program: {@link #init} prepares a data directory (keys, database, first
 * administrator); {@link #start} opens it and serves HTTP. Used by {@link Main}, the demo launcher and
 * the end-to-end tests. One instance per data directory at a time.
 */
public final class AgencyServer {

    /** Reports opened at once before the intake answers 503. */
    static final int MAX_CONCURRENT_INTAKE = 2 * Runtime.getRuntime().availableProcessors() + 2;

    private final Path dataDir;
    private final Database database;
    private final AgencyKeys keys;
    private final MissionService missions;
    private final EnrolmentService enrolments;
    private final BundleService bundles;
    private final StaffService staff;
    private final Javalin app;
    private final String bindHost;

    private AgencyServer(Path dataDir, Database database, AgencyKeys keys, Clock clock, ZoneId zone, String bindHost,
                         ClientAddress clientAddress, BodyLimits limits) {
        this.dataDir = dataDir;
        this.database = database;
        this.keys = keys;
        this.bindHost = bindHost;
        this.missions = new MissionService(database, clock);
        this.enrolments = new EnrolmentService(database, missions, keys, clock);
        this.bundles = new BundleService(database, missions, keys, clock);
        this.staff = new StaffService(database, PasswordHasher.standard(), clock);
        IntakeService intake = new IntakeService(database, enrolments, keys, clock, MAX_CONCURRENT_INTAKE);
        this.app = WebServer.create(new WebServer.Deps(Messages.load(), new SessionStore(clock), staff, missions,
                enrolments, bundles, intake, new ReportQueries(database), keys, clock, zone, clientAddress), limits);
    }

    /**
     * Prepares {@code dataDir}: creates it (owner-only), writes new agency keys, creates the database
     * and the first administrator.
     *
     * @throws IOException if the directory is already initialised or cannot be written
     * @throws InvalidInputException if the username or password breaks a rule (nothing is created)
     */
    public static void init(Path dataDir, String adminUser, char[] adminPassword) throws IOException {
        StaffService.checkNewAccount(adminUser, adminPassword);
        if (isInitialised(dataDir)) {
            throw new IOException("the data directory " + dataDir + " is already initialised; refusing to overwrite it");
        }
        Files.createDirectories(dataDir);
        restrictDirectory(dataDir);
        Clock clock = Clock.systemUTC();
        AgencyKeys.generate().writeTo(dataDir, clock.instant());
        try (Database database = Database.open(dataDir)) {
            new StaffService(database, PasswordHasher.standard(), clock).create("init", adminUser, adminPassword,
                    Role.ADMIN);
        }
    }

    /**
     * Opens {@code dataDir} and serves HTTP on {@code bindHost}:{@code port} (0 picks a free port).
     *
     * @throws IllegalStateException if the directory is not initialised
     * @throws be.carnet.server.storage.StorageException if the database fails its check
     */
    public static AgencyServer start(Path dataDir, String bindHost, int port) {
        return start(dataDir, bindHost, port, ClientAddress.peerOnly(), defaultBodyLimits());
    }

    /** The body limits a server starts with unless the operator changes them. */
    public static BodyLimits defaultBodyLimits() {
        return WebServer.defaultBodyLimits();
    }

    /**
     * As {@link #start(Path, String, int)}, trusting {@code X-Forwarded-For} from the proxies that
     * {@code clientAddress} names.
     */
    public static AgencyServer start(Path dataDir, String bindHost, int port, ClientAddress clientAddress) {
        return start(dataDir, bindHost, port, clientAddress, defaultBodyLimits());
    }

    /** As {@link #start(Path, String, int)}, with the operator's pace and room for request bodies. */
    public static AgencyServer start(Path dataDir, String bindHost, int port, BodyLimits limits) {
        return start(dataDir, bindHost, port, ClientAddress.peerOnly(), limits);
    }

    /** As {@link #start(Path, String, int)}, showing staff the agency's times in {@code zone}. */
    public static AgencyServer start(Path dataDir, String bindHost, int port, ZoneId zone) {
        return start(dataDir, bindHost, port, ClientAddress.peerOnly(), defaultBodyLimits(), zone);
    }

    /**
     * Starts the server trusting {@code X-Forwarded-For} from the proxies that {@code clientAddress} names,
     * with the operator's pace and room for request bodies.
     */
    public static AgencyServer start(Path dataDir, String bindHost, int port, ClientAddress clientAddress,
                                     BodyLimits limits) {
        return start(dataDir, bindHost, port, clientAddress, limits, ZoneId.systemDefault());
    }

    /**
     * As {@link #start(Path, String, int, ClientAddress, BodyLimits)}, showing staff the agency's times in
     * {@code zone}.
     */
    public static AgencyServer start(Path dataDir, String bindHost, int port, ClientAddress clientAddress,
                                     BodyLimits limits, ZoneId zone) {
        if (!isInitialised(dataDir)) {
            throw new IllegalStateException("the data directory " + dataDir + " is not initialised; run init first");
        }
        AgencyKeys keys;
        try {
            keys = AgencyKeys.readFrom(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the agency keys in " + dataDir + ": " + e.getMessage(), e);
        }
        Database database = Database.open(dataDir);
        try {
            AgencyServer server = new AgencyServer(dataDir, database, keys, Clock.systemUTC(), zone, bindHost,
                    clientAddress, limits);
            server.app.start(bindHost, port);
            return server;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** True when {@code dataDir} holds agency keys or a database. */
    public static boolean isInitialised(Path dataDir) {
        return AgencyKeys.existIn(dataDir) || Files.exists(dataDir.resolve(Database.FILE));
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        String host = bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
        if (bindHost.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port();
    }

    /** Stops serving and closes the database; the data directory can be started again afterwards. */
    public void stop() {
        try {
            app.stop();
        } finally {
            database.close();
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public MissionService missions() {
        return missions;
    }

    public EnrolmentService enrolments() {
        return enrolments;
    }

    public BundleService bundles() {
        return bundles;
    }

    public StaffService staff() {
        return staff;
    }

    public AgencyKeys keys() {
        return keys;
    }

    private static void restrictDirectory(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the user's profile ACLs apply.
        }
    }
}
