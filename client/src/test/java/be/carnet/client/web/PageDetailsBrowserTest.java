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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page details in real headless Chromium (issue 8, items 5 and 14): the checklist text ticks its item,
 * the passphrase strength hint while typing, and the quick-log bar's layout. Fails, never skips, when
 * Chromium is missing. Screenshots go to {@code target/screenshots} for a person to look at.
 */
class PageDetailsBrowserTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;
    @TempDir
    Path profile;

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
    void clickingAChecklistItemsTextTicksIt() {
        openChromium(1280, 900);
        setUpInBrowser();
        driver.get(url("/enrol"));
        find("#server").sendKeys(web.agency.address().toString());
        find("#code").sendKeys(web.agency.issueCode("Délégué 7"));
        find("#enrol-submit").click();
        driver.get(url(Paths.briefing("pre-departure")));

        find("#text-backup").click();

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                ExpectedConditions.attributeContains(By.id(Paths.checklistItem("backup")), "class", "checked"));
        assertEquals("true", find("#check-backup").getAttribute("aria-pressed"));
        assertEquals("label", find("#text-backup").getTagName());
        assertEquals("check-backup", find("#text-backup").getAttribute("for"));
    }

    @Test
    void thePassphraseStrengthShowsWhileTypingAndNeverRidesInTheAddress() throws IOException {
        openChromium(1280, 900);

        find("#passphrase").sendKeys("password password password password");
        waitForText("#passphrase-strength", "Force estimée : faible.");
        String weak = find("#passphrase-strength").getText();
        find("#passphrase").clear();
        find("#passphrase").sendKeys("correct horse battery staple");
        waitForText("#passphrase-strength", "Force estimée : bonne.");
        screenshot("setup-strength-1366x768.png");

        assertTrue(weak.startsWith("Force estimée : faible."), weak);
        assertTrue(driver.getCurrentUrl().endsWith("/setup"), driver.getCurrentUrl());
        assertFalse(driver.getCurrentUrl().contains("password"));
        assertEquals("polite", find("#passphrase-strength").getAttribute("aria-live"));
    }

    @Test
    void theQuickLogIsOneRowAlignedWithThePageAndWrapsOnANarrowWindow() throws IOException {
        openChromium(1366, 768);
        setUpInBrowser();

        WebElement bar = find("#quick-log");
        WebElement main = find("#main");
        WebElement submit = find("#quick-submit");
        screenshot("quick-log-1366x768.png");
        int wideHeight = bar.getSize().getHeight();
        int mainLeft = main.getLocation().getX() + Integer.parseInt(main.getCssValue("padding-left").replace("px", ""));
        int barLeft = bar.getLocation().getX();
        int categoryTop = find("#quick-category").getLocation().getY();
        int submitTop = submit.getLocation().getY();
        int submitHeight = submit.getSize().getHeight();
        driver.manage().window().setSize(new Dimension(800, 600));
        screenshot("quick-log-800x600.png");
        int narrowWidth = find("#quick-log").getSize().getWidth();

        assertTrue(wideHeight < 2 * submitHeight, "one row at 1366: " + wideHeight);
        assertTrue(Math.abs(categoryTop - submitTop) <= 4, "the category and the button on one line at 1366");
        assertTrue(Math.abs(barLeft - mainLeft) <= 2, "bar at " + barLeft + ", page column at " + mainLeft);
        assertTrue(narrowWidth <= 800, "no horizontal overflow at 800: " + narrowWidth);
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

    private void waitForText(String css, String start) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(css)).getText().startsWith(start));
    }

    private void screenshot(String name) throws IOException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
