package be.carnet.client.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.web.WebFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owned profile: the command lines, a real process started and closed, and the panic wipe removing it. */
class OwnedBrowserTest {

    /**
     * Stands in for Chromium: writes its arguments where Chromium keeps its history, inside the profile it
     * was given, then waits to be closed.
     */
    private static final String FAKE_CHROMIUM = """
            #!/bin/sh
            for a in "$@"; do case "$a" in --user-data-dir=*) d="${a#--user-data-dir=}";; esac; done
            mkdir -p "$d/Default"
            printf '%s\\n' "$@" > "$d/Default/History.part" && mv "$d/Default/History.part" "$d/Default/History"
            exec sleep 600
            """;

    @TempDir
    Path dir;

    @Test
    void chromiumOpensAnAppWindowOnTheOwnedProfile() {
        FoundBrowser chromium = new FoundBrowser(FoundBrowser.Kind.CHROMIUM, Path.of("/usr/bin/chromium"));

        List<String> command = OwnedBrowser.command(chromium, Path.of("/data/browser-profile"),
                "http://127.0.0.1:4321/launch?token=t");

        assertEquals(List.of("/usr/bin/chromium", "--app=http://127.0.0.1:4321/launch?token=t",
                "--user-data-dir=/data/browser-profile", "--no-first-run", "--no-default-browser-check"), command);
    }

    @Test
    void firefoxOpensASeparateInstanceOnTheOwnedProfile() {
        FoundBrowser firefox = new FoundBrowser(FoundBrowser.Kind.FIREFOX, Path.of("/usr/bin/firefox"));

        List<String> command = OwnedBrowser.command(firefox, Path.of("/data/browser-profile"),
                "http://127.0.0.1:4321/launch?token=t");

        assertEquals(List.of("/usr/bin/firefox", "-profile", "/data/browser-profile", "-no-remote", "--new-instance",
                "http://127.0.0.1:4321/launch?token=t"), command);
    }

    @Test
    void theProfileIsInsideTheDataFolder() {
        OwnedBrowser owned = new OwnedBrowser(dir);

        assertEquals(dir.resolve("browser-profile"), owned.profile());
    }

    @Test
    void closeAndEraseStopsTheBrowserCarnetStartedAndDeletesItsProfile() throws Exception {
        OwnedBrowser owned = new OwnedBrowser(dir);
        owned.open(fakeChromium(), "http://127.0.0.1:4321/launch?token=t");
        Path history = owned.profile().resolve("Default/History");
        waitFor(history);
        ProcessHandle browser = owned.running().orElseThrow();

        owned.closeAndErase();

        assertFalse(browser.isAlive());
        assertFalse(Files.exists(owned.profile()));
        assertEquals(List.of(), owned.running().stream().toList());
    }

    @Test
    void chromiumsFirstStartFindsThePasswordManagerAndAutofillOff() throws Exception {
        OwnedBrowser owned = new OwnedBrowser(dir);

        owned.open(fakeChromium(), "http://127.0.0.1:4321/launch?token=t");
        waitFor(owned.profile().resolve("Default/History"));

        assertEquals("{\"credentials_enable_service\":false,\"profile\":{\"password_manager_enabled\":false},"
                + "\"autofill\":{\"enabled\":false,\"profile_enabled\":false,\"credit_card_enabled\":false},"
                + "\"browser\":{\"check_default_browser\":false}}\n",
                Files.readString(owned.profile().resolve("Default/Preferences"), UTF_8));
        owned.closeAndErase();
    }

    @Test
    void chromiumsOwnPreferencesAreLeftAloneOnLaterStarts() throws Exception {
        OwnedBrowser owned = new OwnedBrowser(dir);
        Path preferences = owned.profile().resolve("Default/Preferences");
        Files.createDirectories(preferences.getParent());
        Files.writeString(preferences, "{\"chromium\":\"its own\"}", UTF_8);

        owned.open(fakeChromium(), "http://127.0.0.1:4321/launch?token=t");
        waitFor(owned.profile().resolve("Default/History"));

        assertEquals("{\"chromium\":\"its own\"}", Files.readString(preferences, UTF_8));
        owned.closeAndErase();
    }

    @Test
    void theOwnedProfileIsMadeForItsOwnerOnly() throws Exception {
        OwnedBrowser owned = new OwnedBrowser(dir);

        owned.open(fakeChromium(), "http://127.0.0.1:4321/launch?token=t");
        waitFor(owned.profile().resolve("Default/History"));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(owned.profile())));
        owned.closeAndErase();
    }

    @Test
    void thePanicWipeClosesTheOwnedBrowserAndRemovesItsProfile() throws Exception {
        try (WebFixture web = WebFixture.started(dir)) {
            web.setUp();
            OwnedBrowser owned = web.app.browser();
            owned.open(fakeChromium(), web.app.launchUrl());
            Path history = owned.profile().resolve("Default/History");
            waitFor(history);
            ProcessHandle browser = owned.running().orElseThrow();
            String page = web.browser.get("/wipe").body();

            web.browser.post("/wipe", Map.of("confirm", "EFFACER"));

            assertTrue(page.contains("<p id=\"wipe-browser\">La fenêtre de navigateur propre à Carnet se ferme et son"
                    + " historique est effacé aussi. Si vous avez ouvert Carnet dans votre navigateur habituel, effacez"
                    + " vous-même son historique.</p>"), page);
            assertFalse(browser.isAlive());
            assertFalse(Files.exists(dir.resolve("browser-profile")));
            assertTrue(Files.exists(dir.resolve("vault.db")), "the empty database that takes the old one's place");
        }
    }

    @Test
    void thePanicWipeRemovesAProfileLeftByAnEarlierRun() throws Exception {
        Path history = dir.resolve("browser-profile/Default/History");
        Files.createDirectories(history.getParent());
        Files.writeString(history, "http://127.0.0.1:4321/briefings/x", UTF_8);
        try (WebFixture web = WebFixture.started(dir)) {
            web.setUp();

            web.browser.post("/wipe", Map.of("confirm", "EFFACER"));

            assertFalse(Files.exists(dir.resolve("browser-profile")));
        }
    }

    private FoundBrowser fakeChromium() throws IOException {
        Path program = dir.resolve("bin/chromium");
        Files.createDirectories(program.getParent());
        Files.writeString(program, FAKE_CHROMIUM, UTF_8);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        return new FoundBrowser(FoundBrowser.Kind.CHROMIUM, program);
    }

    /** Waits for the started process to write {@code file} (it runs on its own; no time is asserted). */
    private static void waitFor(Path file) throws InterruptedException {
        for (int i = 0; i < 600 && !Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), "the browser wrote " + file.getFileName());
    }
}
