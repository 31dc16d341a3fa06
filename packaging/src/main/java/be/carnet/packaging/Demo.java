package be.carnet.packaging;

import be.carnet.client.TravellerApp;
import be.carnet.content.BundleBuilder;
import be.carnet.server.AgencyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Both apps on one machine with demo data: an agency with a mission, a bundle built from
 * {@code content/}, one enrolment code, and a fresh traveller app. Used by {@code ./carnet demo} and
 * by the end-to-end tests. Not thread-safe; one instance per run.
 */
public final class Demo implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    public static final String MISSION_NAME = "Mission économique Chine — démo";
    /** The demo mission's contacts, built into its bundle (relative to the content directory). */
    static final String DEMO_PROFILE = "missions/example-profile.txt";
    public static final String TRAVELLER_ALIAS = "Délégué 1 (démo)";
    private static final String MARKER = ".carnet-demo";

    private final Path agencyDir;
    private final int agencyPort;
    private final String adminPassword;
    private final String missionId;
    private final String enrolmentCode;
    private final Path travellerDir;
    private final int travellerPort;
    private AgencyServer agency;
    private TravellerApp traveller;

    private Demo(Path agencyDir, int agencyPort, String adminPassword, String missionId, String enrolmentCode,
                 AgencyServer agency, Path travellerDir, TravellerApp traveller) {
        this.agencyDir = agencyDir;
        this.agencyPort = agencyPort;
        this.adminPassword = adminPassword;
        this.missionId = missionId;
        this.enrolmentCode = enrolmentCode;
        this.agency = agency;
        this.travellerDir = travellerDir;
        this.travellerPort = traveller.port();
        this.traveller = traveller;
    }

    /**
     * Creates fresh demo data in {@code dataDir} (erasing an earlier demo there, never anything else)
     * and starts both apps on loopback.
     *
     * @param agencyPort preferred agency port; a random free one if it is taken or 0
     * @param travellerPort preferred traveller port; a random free one if it is taken or 0
     */
    public static Demo start(Path contentDir, Path dataDir, int agencyPort, int travellerPort) throws IOException {
        prepare(dataDir);
        Path agencyDir = dataDir.resolve("agency");
        String password = new String(be.carnet.server.Main.generatePassword());
        AgencyServer.init(agencyDir, ADMIN_USER, password.toCharArray());
        AgencyServer agency = AgencyServer.start(agencyDir, "127.0.0.1", freeOr(agencyPort));
        try {
            String missionId = agency.missions().create(MISSION_NAME, "Beijing, Shanghai").id();
            Instant now = Instant.now();
            String profile = Files.readString(contentDir.resolve(DEMO_PROFILE), StandardCharsets.UTF_8);
            byte[] bundle = BundleBuilder.build(contentDir, missionId, 1, now, now.plus(Duration.ofDays(90)),
                    List.of(agency.missions().missionRecipient(missionId)), profile, null, agency.keys().signing());
            agency.bundles().publish(missionId, bundle, ADMIN_USER);
            String code = agency.enrolments().issueCode(missionId, TRAVELLER_ALIAS);
            Path travellerDir = dataDir.resolve("traveller");
            TravellerApp traveller = TravellerApp.start(travellerDir, freeOr(travellerPort));
            return new Demo(agencyDir, agency.port(), password, missionId, code, agency, travellerDir, traveller);
        } catch (IOException | RuntimeException e) {
            agency.stop();
            throw e;
        }
    }

    public AgencyServer agency() {
        return agency;
    }

    public TravellerApp traveller() {
        return traveller;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String missionId() {
        return missionId;
    }

    public String enrolmentCode() {
        return enrolmentCode;
    }

    /** Stops the agency server, as if the traveller were offline. */
    public void stopAgency() {
        agency.stop();
    }

    /** Starts the agency server again on the same data and port. */
    public void restartAgency() {
        agency = AgencyServer.start(agencyDir, "127.0.0.1", agencyPort);
    }

    /**
     * Stops the traveller app and starts it again on the same data and port, as after a reboot: the
     * vault is locked and {@link #traveller()} has a new one-time launch URL.
     */
    public void restartTraveller() {
        traveller.stop();
        traveller = TravellerApp.start(travellerDir, travellerPort);
    }

    /**
     * The agency's address as the demo prints it: {@code localhost} rather than {@code 127.0.0.1}, so
     * the browser keeps the two apps' cookies apart (docs/decisions.md).
     */
    public String agencyUrl() {
        return agency.baseUrl().replace("://127.0.0.1:", "://localhost:");
    }

    /** What the person running the demo needs to know. Contains the demo's own credentials only. */
    public String summary() {
        return String.join("\n",
                "",
                "Carnet demo is running. Press Ctrl-C to stop both apps.",
                "",
                "  Traveller app  " + traveller.launchUrl(),
                "                 (open this one-time link in your browser; choose a passphrase of 12+ characters)",
                "  Enrol with     agency address  " + agencyUrl(),
                "                 enrolment code  " + enrolmentCode,
                "",
                "  Agency server  " + agencyUrl() + "/login",
                "                 user " + ADMIN_USER + ", password " + adminPassword,
                "                 mission \"" + MISSION_NAME + "\", bundle version 1 published",
                "");
    }

    @Override
    public void close() {
        traveller.stop();
        agency.stop();
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of("content");
        Path data = Path.of(MARKER);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--content" -> content = Path.of(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                default -> {
                    System.err.println("error: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (!Files.isDirectory(content.resolve("briefings"))) {
            System.err.println("error: no briefings in " + content.toAbsolutePath()
                    + "; run the demo from the Carnet checkout or give --content DIR");
            System.exit(2);
        }
        Demo demo = start(content, data, 8470, 8471);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Carnet demo…");
            demo.close();
            stopped.countDown();
        }, "carnet-demo-shutdown"));
        System.out.println(demo.summary());
        stopped.await();
    }

    private static void prepare(Path dataDir) throws IOException {
        if (Files.exists(dataDir) && !isEmptyDirectory(dataDir)) {
            if (!Files.exists(dataDir.resolve(MARKER))) {
                throw new IOException(dataDir.toAbsolutePath() + " exists and is not a Carnet demo directory;"
                        + " refusing to erase it");
            }
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(Demo::delete);
            }
        }
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve(MARKER), "Carnet demo data; erased by the next ./carnet demo\n");
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeOr(int preferred) {
        if (preferred == 0) {
            return 0;
        }
        try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return preferred;
        } catch (IOException e) {
            return 0;
        }
    }
}
