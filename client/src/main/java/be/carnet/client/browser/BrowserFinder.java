package be.carnet.client.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks for a browser Carnet can give a profile of its own: Chromium, Google Chrome, then Firefox, first on
 * the {@code PATH}, then where each system usually installs them (Linux {@code /usr/bin}, {@code /snap/bin};
 * macOS {@code /Applications}; Windows {@code Program Files} and the user's {@code AppData\Local}). Chromium
 * comes first: its app mode shows Carnet in a window of its own, without an address bar.
 *
 * <p>Reads the file system only; starts nothing. Immutable and thread-safe.
 */
public final class BrowserFinder {

    /** The operating systems whose usual install places are known. */
    public enum OperatingSystem {
        LINUX, MAC, WINDOWS;

        /** The system this Java runs on (anything not macOS or Windows is treated as Linux). */
        public static OperatingSystem current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.startsWith("mac")) {
                return MAC;
            }
            return name.startsWith("windows") ? WINDOWS : LINUX;
        }
    }

    /** Program names looked up on the PATH, in order of preference. */
    static final List<Candidate> ON_PATH = List.of(
            new Candidate(FoundBrowser.Kind.CHROMIUM, "chromium"),
            new Candidate(FoundBrowser.Kind.CHROMIUM, "chromium-browser"),
            new Candidate(FoundBrowser.Kind.CHROMIUM, "google-chrome"),
            new Candidate(FoundBrowser.Kind.CHROMIUM, "google-chrome-stable"),
            new Candidate(FoundBrowser.Kind.CHROMIUM, "chrome"),
            new Candidate(FoundBrowser.Kind.FIREFOX, "firefox"));

    private final List<Path> searchPath;
    private final OperatingSystem system;
    private final Map<String, String> environment;

    /**
     * @param searchPath the directories of the PATH, in order
     * @param system whose usual install places to look in after the PATH
     * @param environment the environment ({@code ProgramFiles}, {@code LOCALAPPDATA}, {@code HOME} are read)
     */
    public BrowserFinder(List<Path> searchPath, OperatingSystem system, Map<String, String> environment) {
        this.searchPath = List.copyOf(searchPath);
        this.system = system;
        this.environment = Map.copyOf(environment);
    }

    /** A finder over this process's PATH and system. */
    public static BrowserFinder forThisComputer() {
        Map<String, String> environment = System.getenv();
        return new BrowserFinder(parsePath(environment.getOrDefault("PATH", environment.getOrDefault("Path", ""))),
                OperatingSystem.current(), environment);
    }

    /** The directories of a PATH value, in order; empty and malformed entries left out. */
    public static List<Path> parsePath(String pathValue) {
        List<Path> directories = new ArrayList<>();
        for (String entry : pathValue.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    directories.add(Path.of(entry.strip()));
                } catch (InvalidPathException e) {
                    // A malformed PATH entry holds no browser.
                }
            }
        }
        return directories;
    }

    /** The first supported browser found, or empty when there is none. */
    public Optional<FoundBrowser> find() {
        for (Candidate candidate : ON_PATH) {
            for (Path directory : searchPath) {
                for (String name : executableNames(candidate.name())) {
                    Path program = directory.resolve(name);
                    if (runnable(program)) {
                        return Optional.of(new FoundBrowser(candidate.kind(), program));
                    }
                }
            }
        }
        for (Candidate place : usualPlaces()) {
            Path program = Path.of(place.name());
            if (runnable(program)) {
                return Optional.of(new FoundBrowser(place.kind(), program));
            }
        }
        return Optional.empty();
    }

    private List<String> executableNames(String name) {
        return system == OperatingSystem.WINDOWS ? List.of(name + ".exe") : List.of(name);
    }

    /** Where browsers are usually installed on this system, in order of preference. */
    List<Candidate> usualPlaces() {
        List<Candidate> places = new ArrayList<>();
        switch (system) {
            case LINUX -> {
                for (String directory : List.of("/usr/bin", "/usr/local/bin", "/snap/bin", "/opt/google/chrome")) {
                    for (Candidate candidate : ON_PATH) {
                        places.add(new Candidate(candidate.kind(), directory + "/" + candidate.name()));
                    }
                }
            }
            case MAC -> {
                List<String> roots = new ArrayList<>(List.of("/Applications"));
                String home = environment.get("HOME");
                if (home != null && !home.isBlank()) {
                    roots.add(home + "/Applications");
                }
                for (String root : roots) {
                    places.add(new Candidate(FoundBrowser.Kind.CHROMIUM, root + "/Chromium.app/Contents/MacOS/Chromium"));
                    places.add(new Candidate(FoundBrowser.Kind.CHROMIUM,
                            root + "/Google Chrome.app/Contents/MacOS/Google Chrome"));
                    places.add(new Candidate(FoundBrowser.Kind.FIREFOX, root + "/Firefox.app/Contents/MacOS/firefox"));
                }
            }
            case WINDOWS -> {
                List<String> roots = new ArrayList<>();
                for (String variable : List.of("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")) {
                    String root = environment.get(variable);
                    if (root != null && !root.isBlank()) {
                        roots.add(root);
                    }
                }
                for (String root : roots) {
                    places.add(new Candidate(FoundBrowser.Kind.CHROMIUM, root + "\\Chromium\\Application\\chrome.exe"));
                    places.add(new Candidate(FoundBrowser.Kind.CHROMIUM,
                            root + "\\Google\\Chrome\\Application\\chrome.exe"));
                }
                for (String root : roots) {
                    places.add(new Candidate(FoundBrowser.Kind.FIREFOX, root + "\\Mozilla Firefox\\firefox.exe"));
                }
            }
            default -> throw new IllegalStateException("unknown system " + system);
        }
        return places;
    }

    private static boolean runnable(Path program) {
        return Files.isRegularFile(program) && Files.isExecutable(program);
    }

    /** A program name (on the PATH) or an absolute path (a usual place), and how it is driven. */
    record Candidate(FoundBrowser.Kind kind, String name) {
    }
}
