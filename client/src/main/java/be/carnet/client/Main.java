package be.carnet.client;

import java.awt.Desktop;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code java -Xmx256m be.carnet.client.Main [--data DIR] [--port N] [--idle-lock-minutes N] [--no-browser]}:
 * starts the traveller's app on 127.0.0.1, prints the one-time launch link and opens it in the browser.
 * The link is printed, never logged.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Path data = Path.of(System.getProperty("user.home"), ".carnet");
        int port = 0;
        long idleMinutes = 10;
        boolean browser = true;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(value(args, ++i));
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--idle-lock-minutes" -> idleMinutes = Long.parseLong(value(args, ++i));
                    case "--no-browser" -> browser = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535");
            }
            if (idleMinutes < 1 || idleMinutes > 24 * 60) {
                throw new IllegalArgumentException("--idle-lock-minutes must be between 1 and 1440");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: java -Xmx256m be.carnet.client.Main [--data DIR] [--port N]"
                    + " [--idle-lock-minutes N] [--no-browser]");
            System.exit(2);
            return;
        }
        TravellerApp app = TravellerApp.start(TravellerApp.Options.defaults(data, port)
                .withIdleLock(Duration.ofMinutes(idleMinutes)));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "carnet-shutdown"));
        String url = app.launchUrl();
        System.out.println("Carnet is running. Open this one-time link in your browser:");
        System.out.println("  " + url);
        if (browser) {
            open(url);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void open(String url) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            }
        } catch (Exception e) {
            System.out.println("(Could not open the browser; copy the link above into it.)");
        }
    }
}
