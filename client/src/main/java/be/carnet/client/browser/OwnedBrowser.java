package be.carnet.client.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser profile Carnet owns: {@code browser-profile} inside the data folder, where the browser Carnet
 * starts keeps its history, cache and cookies, so that what the vault hides is not left in the traveller's
 * everyday browser, and the panic wipe can remove it ({@link #closeAndErase}).
 *
 * <p>Chromium is started as {@code --app=URL --user-data-dir=PROFILE --no-first-run --no-default-browser-check}
 * (a window of its own, no address bar); Firefox as {@code -profile PROFILE -no-remote --new-instance URL}.
 * The launch link rides on the command line, as with the desktop's browser: it opens one session once and
 * is worthless afterwards.
 *
 * <p>Thread-safe.
 */
public final class OwnedBrowser {

    /** The profile's directory name inside the data folder. */
    public static final String PROFILE_DIRECTORY = "browser-profile";
    /** How long a browser asked to close gets before it is stopped. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OwnedBrowser.class);

    static final String CHROMIUM_PREFERENCES = "Default/Preferences";
    static final String CHROMIUM_FIRST_PREFERENCES = "{\"credentials_enable_service\":false,"
            + "\"profile\":{\"password_manager_enabled\":false},"
            + "\"autofill\":{\"enabled\":false,\"profile_enabled\":false,\"credit_card_enabled\":false},"
            + "\"browser\":{\"check_default_browser\":false}}\n";
    static final String FIREFOX_USER_JS = "user.js";
    static final String FIREFOX_PREFERENCES = """
            user_pref("signon.rememberSignons", false);
            user_pref("browser.formfill.enable", false);
            user_pref("extensions.formautofill.addresses.enabled", false);
            user_pref("extensions.formautofill.creditCards.enabled", false);
            user_pref("browser.shell.checkDefaultBrowser", false);
            """;

    private final Path profile;
    private Process started;

    /** The owned profile of the data folder {@code dataDir} (nothing is created until {@link #open}). */
    public OwnedBrowser(Path dataDir) {
        this.profile = dataDir.resolve(PROFILE_DIRECTORY);
    }

    /** The profile directory. */
    public Path profile() {
        return profile;
    }

    /** The command that opens {@code url} in {@code browser} with {@code profile} as its whole profile. */
    public static List<String> command(FoundBrowser browser, Path profile, String url) {
        String program = browser.executable().toString();
        return switch (browser.kind()) {
            case CHROMIUM -> List.of(program, "--app=" + url, "--user-data-dir=" + profile.toAbsolutePath(),
                    "--no-first-run", "--no-default-browser-check");
            case FIREFOX -> List.of(program, "-profile", profile.toAbsolutePath().toString(), "-no-remote",
                    "--new-instance", url);
        };
    }

    /**
     * Starts {@code browser} on {@code url} with the owned profile (created 0700 if missing). Its output is
     * discarded: browsers print addresses in their logs.
     *
     * @throws IOException if the profile cannot be made or the browser cannot be started
     */
    public synchronized void open(FoundBrowser browser, String url) throws IOException {
        createProfile();
        writePreferences(browser.kind());
        started = new ProcessBuilder(command(browser, profile, url))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The browser process Carnet started, while it runs. */
    synchronized java.util.Optional<ProcessHandle> running() {
        return started != null && started.isAlive() ? java.util.Optional.of(started.toHandle())
                : java.util.Optional.empty();
    }

    /**
     * Asks the browser Carnet started (and its child processes) to close, stops it if it has not within
     * {@link #CLOSE_GRACE}, then deletes the profile directory: history, cache, cookies. For the panic wipe;
     * a profile that was never made is fine.
     *
     * @throws UncheckedIOException if the profile cannot be deleted
     */
    public synchronized void closeAndErase() {
        List<ProcessHandle> browsers = new ArrayList<>();
        if (started != null) {
            browsers.add(started.toHandle());
        }
        // Also a browser started on this profile before (another run of Carnet), or one that took over
        // from ours (a browser started on a profile in use hands its address over and exits).
        String profileArgument = profile.toAbsolutePath().toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> process.info().arguments().map(arguments -> Stream.of(arguments)
                            .anyMatch(argument -> argument.equals(profileArgument)
                                    || argument.equals("--user-data-dir=" + profileArgument))).orElse(false))
                    .filter(process -> !browsers.contains(process))
                    .forEach(browsers::add);
        }
        List<ProcessHandle> processes = new ArrayList<>();
        for (ProcessHandle browser : browsers) {
            processes.add(browser);
            try (Stream<ProcessHandle> children = browser.descendants()) {
                children.filter(child -> !processes.contains(child)).forEach(processes::add);
            }
        }
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        if (!processes.isEmpty()) {
            LOG.info("closed the browser that used Carnet's own profile");
        }
        started = null;
        deleteTree(profile);
    }

    /**
     * Turns off, in the owned profile, what would keep typed text or the passphrase outside the vault: the
     * password manager and form autofill. Chromium reads a {@code Default/Preferences} it finds on its
     * first start (written only then: afterwards the file is Chromium's own); Firefox reads {@code user.js}
     * on every start.
     */
    private void writePreferences(FoundBrowser.Kind kind) throws IOException {
        switch (kind) {
            case CHROMIUM -> {
                Path preferences = profile.resolve(CHROMIUM_PREFERENCES);
                if (!Files.exists(preferences)) {
                    Files.createDirectories(preferences.getParent());
                    Files.writeString(preferences, CHROMIUM_FIRST_PREFERENCES, StandardCharsets.UTF_8);
                }
            }
            case FIREFOX -> Files.writeString(profile.resolve(FIREFOX_USER_JS), FIREFOX_PREFERENCES,
                    StandardCharsets.UTF_8);
        }
    }

    private void createProfile() throws IOException {
        Files.createDirectories(profile);
        try {
            Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX (Windows): the profile's ACLs apply.
        }
    }

    /** Deletes {@code root} and everything under it; a missing root or a file gone meanwhile is fine. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the browser profile " + root.getFileName(), e);
        }
    }
}
