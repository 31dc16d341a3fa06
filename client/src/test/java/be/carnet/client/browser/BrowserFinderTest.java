package be.carnet.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.browser.BrowserFinder.OperatingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a browser among real files: executable scripts in a fake PATH and fake install folders. */
class BrowserFinderTest {

    @TempDir
    Path dir;

    @Test
    void findsChromiumOnThePath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path chromium = program(bin.resolve("chromium"));

        Optional<FoundBrowser> found = finder(List.of(bin)).find();

        assertEquals(Optional.of(new FoundBrowser(FoundBrowser.Kind.CHROMIUM, chromium)), found);
    }

    @Test
    void prefersChromiumToFirefoxWhateverThePathOrder() throws IOException {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        program(first.resolve("firefox"));
        Path chrome = program(second.resolve("google-chrome"));

        Optional<FoundBrowser> found = finder(List.of(first, second)).find();

        assertEquals(Optional.of(new FoundBrowser(FoundBrowser.Kind.CHROMIUM, chrome)), found);
    }

    @Test
    void findsFirefoxWhenItIsTheOnlyOne() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path firefox = program(bin.resolve("firefox"));

        Optional<FoundBrowser> found = finder(List.of(bin)).find();

        assertEquals(Optional.of(new FoundBrowser(FoundBrowser.Kind.FIREFOX, firefox)), found);
    }

    @Test
    void skipsAFileThatCannotRunAndADirectoryOfTheSameName() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("chromium"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("chromium"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(bin.resolve("google-chrome"));
        Path firefox = program(bin.resolve("firefox"));

        Optional<FoundBrowser> found = finder(List.of(bin)).find();

        assertEquals(Optional.of(new FoundBrowser(FoundBrowser.Kind.FIREFOX, firefox)), found);
    }

    @Test
    void findsNothingWhenNoSupportedBrowserIsInstalled() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        program(bin.resolve("opera"));

        Optional<FoundBrowser> found = finder(List.of(bin)).find();

        assertEquals(Optional.empty(), found);
    }

    @Test
    void findsFirefoxInTheUsersApplicationsFolderOnMacOs() throws IOException {
        Path firefox = program(dir.resolve("Applications/Firefox.app/Contents/MacOS/firefox"));

        Optional<FoundBrowser> found = finder(List.of()).find();

        assertEquals(Optional.of(new FoundBrowser(FoundBrowser.Kind.FIREFOX, firefox)), found);
    }

    @Test
    void findsChromeExeOnAWindowsPath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        program(bin.resolve("chrome"));
        Path chromeExe = program(bin.resolve("chrome.exe"));

        Optional<FoundBrowser> found = new BrowserFinder(List.of(bin), OperatingSystem.WINDOWS, Map.of()).find();

        assertEquals(Optional.of(new FoundBrowser(FoundBrowser.Kind.CHROMIUM, chromeExe)), found);
    }

    @Test
    void looksInProgramFilesAndLocalAppDataOnWindows() {
        BrowserFinder finder = new BrowserFinder(List.of(), OperatingSystem.WINDOWS,
                Map.of("ProgramFiles", "C:\\Program Files", "LOCALAPPDATA", "C:\\Users\\t\\AppData\\Local"));

        List<String> places = finder.usualPlaces().stream().map(BrowserFinder.Candidate::name).toList();

        assertEquals(List.of(
                "C:\\Program Files\\Chromium\\Application\\chrome.exe",
                "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
                "C:\\Users\\t\\AppData\\Local\\Chromium\\Application\\chrome.exe",
                "C:\\Users\\t\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
                "C:\\Program Files\\Mozilla Firefox\\firefox.exe",
                "C:\\Users\\t\\AppData\\Local\\Mozilla Firefox\\firefox.exe"), places);
    }

    @Test
    void looksInApplicationsOnMacOs() {
        BrowserFinder finder = new BrowserFinder(List.of(), OperatingSystem.MAC, Map.of());

        List<String> places = finder.usualPlaces().stream().map(BrowserFinder.Candidate::name).toList();

        assertEquals(List.of("/Applications/Chromium.app/Contents/MacOS/Chromium",
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                "/Applications/Firefox.app/Contents/MacOS/firefox"), places);
    }

    @Test
    void readsThePathVariableSkippingEmptyEntries() {
        List<Path> path = BrowserFinder.parsePath("/usr/bin::/opt/bin: ");

        assertEquals(List.of(Path.of("/usr/bin"), Path.of("/opt/bin")), path);
    }

    /** A macOS finder whose home is the test folder, so the machine's own browsers are not found. */
    private BrowserFinder finder(List<Path> searchPath) {
        return new BrowserFinder(searchPath, OperatingSystem.MAC, Map.of("HOME", dir.toString()));
    }

    private static Path program(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        return path;
    }
}
