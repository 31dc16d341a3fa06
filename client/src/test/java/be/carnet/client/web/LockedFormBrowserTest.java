package be.carnet.client.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The traveller's journey through the idle lock in real headless Chromium, without JavaScript doing any of
 * the work (issue 8, item 2e): type an incident, the lock fires, send, unlock, find the text back, save it,
 * see it in the journal; and attach a file to a draft without losing the edits typed before. The idle lock
 * fires by moving the app's clock, not by waiting. Fails, never skips, when Chromium is missing.
 * Screenshots go to {@code target/screenshots} for a person to look at.
 */
class LockedFormBrowserTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String TYPED = "Au petit-déjeuner, un homme a photographié mon badge et mon ordinateur.";

    @TempDir
    Path dir;
    @TempDir
    Path profile;
    @TempDir
    Path files;

    private WebFixture web;
    private WebDriver driver;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir);
        web.agency.publish(1, ServiceFixture.clockStart().plus(Duration.ofDays(90)), ServiceFixture.files("texte"));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        web.close();
    }

    @Test
    void anIncidentTypedWhenAShortIdleLockFiresComesBackAfterTheUnlockAndIsSaved() throws IOException {
        openChromium(1280, 900);
        setUpInBrowser();
        web.enrol();
        driver.get(url("/settings"));
        find("#idle-minutes").clear();
        find("#idle-minutes").sendKeys("1");
        find("#idle-submit").click();
        waitForText("#main > p.notice", "");
        driver.get(url("/incidents/new"));
        new Select(find("#category")).selectByValue("T04");
        new Select(find("#severity")).selectByValue("S2");
        find("#place").sendKeys("Hôtel Lotus, Shanghai");
        find("#description").sendKeys(TYPED);

        web.clock.advance(Duration.ofSeconds(61));
        find("#incident-submit").click();
        waitForPath("/unlock");
        String unlockPage = find("#main").getText();
        screenshot("unlock-after-idle-lock-1280x900.png");
        find("#passphrase").sendKeys(WebFixture.PASSPHRASE);
        find("#unlock-submit").click();
        waitForPath("/incidents/new");
        String notice = find("#main > p.notice").getText();
        String restored = find("#description").getAttribute("value");
        String place = find("#place").getAttribute("value");
        String category = new Select(find("#category")).getFirstSelectedOption().getAttribute("value");
        screenshot("restored-after-lock-1280x900.png");
        find("#incident-submit").click();
        waitForPath("/incidents");
        find("#incidents a").click();
        String entry = find("#main").getText();

        assertTrue(unlockPage.contains("Déverrouillez-le pour reprendre là où vous en étiez"), unlockPage);
        assertFalse(unlockPage.contains(TYPED), "the unlock page shows nothing of the text");
        assertTrue(notice.startsWith("Carnet s’était verrouillé pendant que vous écriviez."), notice);
        assertEquals(TYPED, restored);
        assertEquals("Hôtel Lotus, Shanghai", place);
        assertEquals("T04", category);
        assertTrue(entry.contains(TYPED), entry);
    }

    @Test
    void attachingAFileKeepsTheEditsTypedBefore() throws IOException {
        openChromium(1280, 900);
        setUpInBrowser();
        String draft = web.browser.post("/incidents", Map.of("category", "T04", "severity", "S2", "tlp", "AMBER",
                "occurredAt", "2026-12-03T14:30", "zone", "Asia/Shanghai", "description", "Première version",
                "action", "draft")).location();
        Path photo = Files.write(files.resolve("badge.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3});
        driver.get(url(draft));
        find("#description").clear();
        find("#description").sendKeys("Deuxième version, tapée avant de joindre");

        find("#file").sendKeys(photo.toString());
        find("#attach-submit").click();
        waitForText("#main > p.notice", "Fichier joint et chiffré ; le brouillon est enregistré.");
        driver.navigate().refresh();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('attachments-title').scrollIntoView()");
        screenshot("draft-attached-1280x900.png");

        assertEquals("Deuxième version, tapée avant de joindre", find("#description").getAttribute("value"));
        assertTrue(find("#attachment-list").getText().contains("badge.jpg"));
    }

    private void openChromium(int width, int height) {
        assertTrue(Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM),
                "headless Chromium is required: install chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + width + "," + height, "--lang=fr-BE", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-BE,fr"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.get(web.app.launchUrl());
    }

    private void setUpInBrowser() {
        find("#passphrase").sendKeys(WebFixture.PASSPHRASE);
        find("#confirm").sendKeys(WebFixture.PASSPHRASE);
        find("#setup-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("lock")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + web.app.port() + path;
    }

    private WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url(path)));
    }

    private void waitForText(String css, String start) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(css)).getText().startsWith(start));
    }

    private void screenshot(String name) throws IOException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
