package be.carnet.client;

import be.carnet.client.browser.BrowserFinder;
import be.carnet.client.browser.FoundBrowser;
import be.carnet.client.browser.OwnedBrowser;
import java.awt.Desktop;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -Xmx256m be.carnet.client.Main [--data DIR] [--port N] [--idle-lock-minutes N]
 * [--system-browser | --no-browser]}: starts the traveller's app on 127.0.0.1, prints the one-time launch link
 * and opens it: by default in a browser profile Carnet owns inside the data folder (Chromium or Chrome in
 * app mode, else Firefox), so the browser's history of Carnet stays there and the panic wipe removes it;
 * with {@code --system-browser}, or when neither is found, in the desktop's default browser; with
 * {@code --no-browser}, nowhere. One log line says which. The link is printed, never logged.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final String USAGE = "usage: java -Xmx256m be.carnet.client.Main [--data DIR] [--port N]"
            + " [--idle-lock-minutes N] [--system-browser | --no-browser]";

    /** Where the launch link is opened. */
    enum BrowserChoice { OWNED_IF_FOUND, SYSTEM, NONE }

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, Path.of(System.getProperty("user.home"), ".carnet"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        TravellerApp app = TravellerApp.start(TravellerApp.Options.defaults(line.data(), line.port())
                .withIdleLock(Duration.ofMinutes(line.idleMinutes())));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "carnet-shutdown"));
        String url = app.launchUrl();
        System.out.println("Carnet is running. Open this one-time link in your browser:");
        System.out.println("  " + url);
        open(app, line.browser(), url);
    }

    /** The options, checked. */
    record CommandLine(Path data, int port, long idleMinutes, BrowserChoice browser) {

        /** Reads {@code args}; {@code defaultData} when there is no {@code --data}. */
        static CommandLine parse(String[] args, Path defaultData) {
            Path data = defaultData;
            int port = 0;
            long idleMinutes = 10;
            BrowserChoice browser = BrowserChoice.OWNED_IF_FOUND;
            int browserOptions = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(value(args, ++i));
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--idle-lock-minutes" -> idleMinutes = Long.parseLong(value(args, ++i));
                    case "--no-browser" -> {
                        browser = BrowserChoice.NONE;
                        browserOptions++;
                    }
                    case "--system-browser" -> {
                        browser = BrowserChoice.SYSTEM;
                        browserOptions++;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (browserOptions > 1) {
                throw new IllegalArgumentException("choose at most one of --system-browser and --no-browser");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535");
            }
            if (idleMinutes < 1 || idleMinutes > 24 * 60) {
                throw new IllegalArgumentException("--idle-lock-minutes must be between 1 and 1440");
            }
            return new CommandLine(data, port, idleMinutes, browser);
        }
    }

    private static void open(TravellerApp app, BrowserChoice choice, String url) {
        if (choice == BrowserChoice.NONE) {
            LOG.info("browser: none opened (--no-browser)");
            return;
        }
        Optional<FoundBrowser> found = choice == BrowserChoice.OWNED_IF_FOUND
                ? BrowserFinder.forThisComputer().find() : Optional.empty();
        if (found.isPresent()) {
            OwnedBrowser owned = app.browser();
            try {
                owned.open(found.get(), url);
                LOG.info("browser: {} with Carnet's own profile in {}", found.get().executable(), owned.profile());
                return;
            } catch (java.io.IOException e) {
                LOG.warn("browser: cannot start {} ({}); using the desktop's default browser",
                        found.get().executable(), e.getMessage());
            }
        } else if (choice == BrowserChoice.OWNED_IF_FOUND) {
            LOG.info("browser: no Chromium, Chrome or Firefox found; using the desktop's default browser"
                    + " (its history keeps Carnet's pages; the panic wipe cannot remove them)");
        } else {
            LOG.info("browser: the desktop's default browser (--system-browser)");
        }
        openInSystemBrowser(url);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void openInSystemBrowser(String url) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            }
        } catch (Exception e) {
            System.out.println("(Could not open the browser; copy the link above into it.)");
        }
    }
}
