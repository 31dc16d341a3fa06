package be.carnet.server;

import be.carnet.server.form.InvalidInputException;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.Randomness;
import be.carnet.server.staff.Role;
import be.carnet.server.staff.StaffService;
import be.carnet.server.storage.Database;
import be.carnet.server.storage.StorageException;
import be.carnet.server.web.ClientAddress;
import be.carnet.server.staff.PasswordHasher;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import be.carnet.server.limits.BodyLimits;

/**
 * The command line:
 * <pre>
 * init      --data DIR --admin NAME [--admin-password-file FILE]
 * serve     --data DIR [--bind 127.0.0.1] [--port 8080] [--trusted-proxies ADDR,ADDR]
 *           [--body-grace-seconds 10] [--body-min-rate 8192]
 * add-staff --data DIR --user NAME [--role analyst|admin] [--password-file FILE]
 * </pre>
 * A user error is one line on stderr and exit code 2; passwords are printed once, never logged.
 */
public final class Main {

    static final int USER_ERROR = 2;
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 24;

    private Main() {
    }

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (IOException | IllegalArgumentException | IllegalStateException | StorageException
                 | InvalidInputException | JavalinBindException e) {
            System.err.println("carnet-server: " + e.getMessage());
            System.exit(USER_ERROR);
        }
    }

    static void run(String[] args, PrintStream out) throws IOException {
        if (args.length == 0) {
            throw new UsageException(usage());
        }
        String command = args[0];
        Map<String, String> options = options(Arrays.asList(args).subList(1, args.length));
        switch (command) {
            case "init" -> init(options, out);
            case "serve" -> serve(options, out);
            case "add-staff" -> addStaff(options, out);
            default -> throw new UsageException("unknown command \"" + printable(command) + "\"; " + usage());
        }
    }

    private static void init(Map<String, String> options, PrintStream out) throws IOException {
        allow(options, Set.of("--data", "--admin", "--admin-password-file"));
        Path data = Path.of(required(options, "--data"));
        String admin = required(options, "--admin");
        boolean generated = !options.containsKey("--admin-password-file");
        char[] password = generated ? generatePassword() : readPassword(Path.of(options.get("--admin-password-file")));
        try {
            AgencyServer.init(data, admin, password);
            out.println("Initialised " + data.toAbsolutePath() + " with new agency keys and administrator " + admin + ".");
            if (generated) {
                out.println("Administrator password (shown once, store it safely): " + new String(password));
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void serve(Map<String, String> options, PrintStream out) {
        allow(options, Set.of("--data", "--bind", "--port", "--trusted-proxies", "--body-grace-seconds",
                "--body-min-rate"));
        Path data = Path.of(required(options, "--data"));
        String bind = options.getOrDefault("--bind", "127.0.0.1");
        int port = port(options.getOrDefault("--port", "8080"));
        ClientAddress clientAddress;
        try {
            clientAddress = ClientAddress.parse(options.get("--trusted-proxies"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--trusted-proxies: " + e.getMessage()
                    + "; give IP addresses separated by commas, e.g. 127.0.0.1,::1");
        }
        BodyLimits defaults = AgencyServer.defaultBodyLimits();
        BodyLimits limits = defaults.withPace(
                Duration.ofSeconds(positive(options, "--body-grace-seconds", defaults.grace().toSeconds(), 3600)),
                positive(options, "--body-min-rate", defaults.minBytesPerSecond(), 1L << 30));
        AgencyServer server = AgencyServer.start(data, bind, port, clientAddress, limits);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "carnet-shutdown"));
        out.println("Carnet agency server listening on " + server.baseUrl() + " (data in " + data.toAbsolutePath() + ")");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void addStaff(Map<String, String> options, PrintStream out) throws IOException {
        allow(options, Set.of("--data", "--user", "--role", "--password-file"));
        Path data = Path.of(required(options, "--data"));
        String user = required(options, "--user");
        String roleName = options.getOrDefault("--role", "analyst").toLowerCase(Locale.ROOT);
        if (!roleName.equals("analyst") && !roleName.equals("admin")) {
            throw new UsageException("--role must be analyst or admin");
        }
        if (!AgencyServer.isInitialised(data)) {
            throw new UsageException("the data directory " + data + " is not initialised; run init first");
        }
        boolean generated = !options.containsKey("--password-file");
        char[] password = generated ? generatePassword() : readPassword(Path.of(options.get("--password-file")));
        try (Database database = Database.open(data)) {
            new StaffService(database, PasswordHasher.standard(), Clock.systemUTC())
                    .create("cli", user, password, Role.fromStored(roleName));
            out.println("Created " + roleName + " " + user + ".");
            if (generated) {
                out.println("Password (shown once, hand it over safely): " + new String(password));
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new UsageException("expected --option value, got \"" + printable(name) + "\"; " + usage());
            }
            if (options.put(name, args.get(++i)) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        return options;
    }

    private static void allow(Map<String, String> options, Set<String> allowed) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option " + printable(name) + "; " + usage());
            }
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " is required; " + usage());
        }
        return value;
    }

    /** The whole number {@code name} gives, from 1 to {@code max}, or {@code otherwise} when it is absent. */
    private static long positive(Map<String, String> options, String name, long otherwise, long max) {
        String text = options.get(name);
        if (text == null) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(text);
            if (value < 1 || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number from 1 to " + max);
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number from 0 to 65535");
        }
    }

    private static char[] readPassword(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("the password file " + file + " does not exist");
        }
        String text = Files.readString(file, UTF_8);
        return text.strip().toCharArray();
    }

    /** A strong random password for a new staff account (uniform over an unambiguous alphabet). */
    public static char[] generatePassword() {
        char[] out = new char[GENERATED_PASSWORD_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = PASSWORD_ALPHABET.charAt(Randomness.secureRandom().nextInt(PASSWORD_ALPHABET.length()));
        }
        return out;
    }

    private static String usage() {
        return "usage: init --data DIR --admin NAME [--admin-password-file FILE] | "
                + "serve --data DIR [--bind 127.0.0.1] [--port 8080] [--trusted-proxies ADDR,ADDR] "
                + "[--body-grace-seconds 10] [--body-min-rate 8192] | "
                + "add-staff --data DIR --user NAME [--role analyst|admin] [--password-file FILE]";
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** A mistake on the command line. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
