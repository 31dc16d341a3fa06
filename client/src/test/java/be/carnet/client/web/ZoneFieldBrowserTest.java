package be.carnet.client.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The zone field in real headless Chromium (issue 8, item 4): the app's Java runs in Asia/Shanghai (the
 * fixture) while the browser runs in Europe/Brussels; on a blank form, with no zone chosen yet, the
 * browser's zone is selected and the time shows the app's "now" on Brussels's wall clock. Once a zone was
 * chosen, it wins. Screenshots of the form and the journal go to {@code target/screenshots}.
 */
class ZoneFieldBrowserTest {

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
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        web.close();
    }

    @Test
    void aBlankFormTakesTheBrowsersZoneUntilTheTravellerChoosesOne() throws IOException {
        openChromium("Europe/Brussels");
        setUpInBrowser();

        driver.get(url("/incidents/new"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                d -> "Europe/Brussels".equals(d.findElement(By.id("zone")).getAttribute("value")));
        String time = find("#occurredAt").getAttribute("value");
        String label = new Select(find("#zone")).getFirstSelectedOption().getText();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('zone').scrollIntoView({block: 'center'})");
        screenshot("incident-form-zone-1366x900.png");
        new Select(find("#category")).selectByValue("T04");
        new Select(find("#severity")).selectByValue("S2");
        new Select(find("#zone")).selectByValue("Asia/Shanghai");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('occurredAt').value = '2026-11-30T14:30'");
        find("#place").sendKeys("Hôtel Lotus, Shanghai");
        find("#description").sendKeys("Un QR code collé sur le menu du restaurant de l’hôtel.");
        find("#incident-submit").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("incidents")));
        String row = find("tr.incident").getText();
        screenshot("journal-list-1366x900.png");
        driver.get(url("/incidents/new"));
        String remembered = new Select(find("#zone")).getFirstSelectedOption().getAttribute("value");

        assertTrue(label.startsWith("Belgique — Bruxelles (UTC+"), label);
        // The fixture's now, 2026-12-01T08:00Z: 16:00 in Shanghai, 09:00 in Brussels.
        assertEquals("2026-12-01T09:00", time);
        assertTrue(row.contains("30 nov. 2026 14:30 (Pékin, UTC+8)"), row);
        assertEquals("Asia/Shanghai", remembered);
    }

    private void openChromium(String zone) {
        assertTrue(Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM),
                "headless Chromium is required: install chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,900", "--lang=fr-BE", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-BE,fr"));
        // The browser's zone comes from its environment, as on a laptop set to Brussels.
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .withEnvironment(Map.of("TZ", zone)).usingAnyFreePort().build(), options);
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

    private void screenshot(String name) throws IOException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
