package be.carnet.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import be.carnet.server.AgencyServer;
import be.carnet.server.TestBundles;
import be.carnet.server.TestDevice;
import be.carnet.server.TestHttp;
import be.carnet.server.mission.Mission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import static java.nio.charset.StandardCharsets.UTF_8;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff pages in real headless Chromium (Debian's chromium and chromium-driver): the browser's own
 * Origin, Sec-Fetch-Site, cookie and CSP behaviour, which no hand-made request reproduces. Fails, never
 * skips, when Chromium is missing.
 */
class StaffBrowserTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path data;
    @TempDir
    Path profile;
    @TempDir
    Path downloads;
    static AgencyServer server;
    static String agency;
    WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", PASSWORD.toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0);
        agency = server.baseUrl().replace("127.0.0.1", "localhost");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void openBrowser() {
        driver = open(Map.of());
    }

    /** A fresh headless Chromium with the given preferences. */
    private WebDriver open(Map<String, Object> preferences) {
        assertTrue(Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM),
                "headless Chromium is required: install chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1024,900", "--lang=en-GB", "--user-data-dir=" + profile);
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        WebDriver opened = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        opened.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return opened;
    }

    @AfterEach
    void closeBrowser() {
        driver.quit();
    }

    private WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private void submit(String css) {
        WebElement html = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(html));
    }

    /**
     * True once {@code element}'s document was replaced. Chromedriver sometimes answers a query on a node of a
     * document being replaced with "Node with given id does not belong to the document" instead of a stale
     * element: that is the same fact.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private void type(String name, String value) {
        WebElement input = find("[name='" + name + "']");
        input.clear();
        input.sendKeys(value);
    }

    private void login() {
        driver.get(agency + "/login");
        type("username", "admin");
        type("password", PASSWORD);
        submit("#login-submit");
    }

    @Test
    void anAdminCreatesAMissionIssuesACodeAndReadsAReport() {
        login();
        assertEquals(agency + "/missions", driver.getCurrentUrl());

        type("name", "Browser mission");
        type("destination", "Nairobi");
        submit("#mission-create");
        assertEquals("Browser mission", find("h1").getText());
        String missionId = driver.getCurrentUrl().substring((agency + "/missions/").length());
        Mission mission = server.missions().get(missionId);
        assertEquals(mission.recipient().encoded(), find("#mission-recipient").getText());

        type("alias", "Delegate <i>9</i>");
        submit("#code-issue");
        String code = find("#issued-code").getText();
        assertTrue(code.matches("([0-9A-Z]{4}-){6}[0-9A-Z]{4}"), code);

        TestDevice device = new TestDevice();
        TestHttp api = new TestHttp(server.baseUrl());
        assertEquals(200, api.postBytes("/api/v1/enrol/confirm", device.enrolConfirmation(code), "application/json").statusCode());
        AgencyKeys keys = server.keys();
        String reportId = UUID.randomUUID().toString();
        byte[] sealed = device.seal(device.report(reportId, missionId, keys.signing().publicKey().keyId(),
                "<img src=x onerror=alert(1)>\nSecond line"), keys.report().recipient());
        assertEquals(200, api.postBytes("/api/v1/reports/" + reportId, sealed, "application/octet-stream")
                .statusCode());

        driver.get(agency + "/missions");
        find("a.mission-link").click();
        find("#reports a.report-link").click();
        assertEquals("<img src=x onerror=alert(1)>\nSecond line", find("#report-description").getText());
        assertEquals("Delegate <i>9</i>", find("#report-alias").getText());
        assertTrue(find("#report-category").getText().endsWith("(T03)"), find("#report-category").getText());
    }

    @Test
    void theLanguageSwitchAndLogoutWorkFromTheBrowser() {
        login();

        submit("#lang-nl");
        assertEquals("Missies", find("h1").getText());
        submit("#lang-fr");
        assertEquals("Missions", find("h1").getText());
        assertEquals("Se déconnecter", find("#logout").getText());

        submit("#logout");
        assertEquals(agency + "/login", driver.getCurrentUrl());
        driver.get(agency + "/missions");
        assertEquals(agency + "/login", driver.getCurrentUrl());
    }

    @Test
    void anAdminPublishesABundleFromTheBrowser() throws IOException {
        Mission mission = server.missions().create("Bundle mission", "");
        Path file = Files.write(profile.resolve("briefing.carnet"),
                TestBundles.bundle(mission, 4, server.keys().signing()));
        login();
        driver.get(agency + "/missions/" + mission.id());

        find("input[type='file'][name='bundle']").sendKeys(file.toString());
        submit("#bundle-publish");

        assertEquals(4, server.bundles().latest(mission.id()).orElseThrow().version());
        assertTrue(find("#bundle-version").getText().contains("4"), find("#bundle-version").getText());
    }

    @Test
    void anHtmlAttachmentIsSavedAndNeverRenderedByTheBrowser() throws IOException {
        Mission mission = server.missions().create("Attachment mission", "");
        TestDevice device = new TestDevice();
        server.enrolments().confirm(device.enrolConfirmation(server.enrolments().issueCode(mission.id(), "Delegate")));
        String hostile = "<html><head><title>pwned</title></head><body><h1 id=\"pwned\">rendered</h1></body></html>";
        String reportId = UUID.randomUUID().toString();
        AgencyKeys keys = server.keys();
        byte[] sealed = device.seal(device.report(reportId, mission.id(), keys.signing().publicKey().keyId(),
                new Incident(Category.T06, Severity.S1, Tlp.AMBER, "", false, "", "", "Fichier reçu", "", false, null,
                        "", "", List.of(new Attachment("<img src=x onerror=alert(1)>.html", "text/html", hostile.getBytes(UTF_8))))),
                keys.report().recipient());
        assertEquals(200, new TestHttp(server.baseUrl()).postBytes("/api/v1/reports/" + reportId, sealed,
                "application/octet-stream").statusCode());
        driver.quit();
        driver = open(Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        login();
        String page = agency + "/missions/" + mission.id() + "/reports/" + reportId;
        driver.get(page);

        find("a.attachment-link").click();

        Path saved = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> savedDownload(hostile.getBytes(UTF_8).length));
        assertEquals(hostile, Files.readString(saved, UTF_8));
        assertEquals(page, driver.getCurrentUrl());
        assertEquals(List.of(), driver.findElements(By.id("pwned")));
        assertEquals("<img src=x onerror=alert(1)>.html", find("td.attachment-name").getText());
    }

    /**
     * The one finished download of {@code size} bytes, or {@code null} while there is none. Chromium writes
     * to a hidden temporary file and a {@code .crdownload} before it renames to the final name.
     */
    private Path savedDownload(long size) {
        try (Stream<Path> files = Files.list(downloads)) {
            List<Path> done = files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().endsWith(".crdownload")).toList();
            return done.size() == 1 && Files.size(done.get(0)) == size ? done.get(0) : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
