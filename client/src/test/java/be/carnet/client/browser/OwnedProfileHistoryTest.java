package be.carnet.client.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.client.TestParts;
import be.carnet.client.web.WebFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real (headless) Chromium on Carnet's own profile: a traveller's session leaves its history inside the
 * data folder, where every title is "Carnet" and no address names the destination or the search, and the
 * panic wipe removes it.
 */
class OwnedProfileHistoryTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void theBrowsersHistoryStaysInTheDataFolderSaysOnlyCarnetAndGoesWithTheWipe() throws Exception {
        assertTrue(Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM),
                "headless Chromium is required: install chromium and chromium-driver");
        try (WebFixture web = WebFixture.started(dir)) {
            Map<String, byte[]> files = new LinkedHashMap<>(ServiceFixture.files("texte"));
            files.put("briefings/zqx-chine/fr.md", ServiceFixture.briefing("zqx-chine", "fr", "before",
                    "Destination ZQX Chine", "Le VPN zqx.").getBytes(UTF_8));
            web.agency.publish(1, TestParts.START.plus(Duration.ofDays(30)), files);
            Path profile = web.app.browser().profile();
            WebDriver driver = chromium(profile);
            try {
                driver.get(web.app.launchUrl());
                type(driver, "#passphrase", PASSPHRASE);
                type(driver, "#confirm", PASSPHRASE);
                submit(driver, "#setup-submit");
                driver.get("http://127.0.0.1:" + web.app.port() + "/enrol");
                type(driver, "#server", web.agency.address().toString());
                type(driver, "#code", web.agency.issueCode("Délégué 7"));
                submit(driver, "#enrol-submit");
                driver.get("http://127.0.0.1:" + web.app.port() + "/");
                submit(driver, linkTo(driver, "Destination ZQX Chine"));
                type(driver, "#search-q", "zqx chine");
                submit(driver, "#search-submit");
                assertTrue(driver.getPageSource().contains("id=\"search-results\""), driver.getPageSource());
                driver.get("http://127.0.0.1:" + web.app.port() + "/incidents/new");
            } finally {
                driver.quit();
            }

            List<String[]> history = history(profile.resolve("Default/History"));

            assertTrue(history.size() >= 4, "the visits are in the owned profile: " + history.size());
            for (String[] visit : history) {
                String url = visit[0].toLowerCase(Locale.ROOT);
                assertFalse(url.contains("zqx") || url.contains("chine"), visit[0]);
                assertTrue(visit[1].equals("Carnet") || visit[1].isEmpty(), visit[0] + " titled " + visit[1]);
            }

            web.browser.post("/wipe", Map.of("confirm", "EFFACER"));

            assertFalse(Files.exists(profile));
        }
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--lang=fr-BE", "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** The CSS selector of the home page's link whose text is {@code text}. */
    private static String linkTo(WebDriver driver, String text) {
        for (WebElement link : driver.findElements(By.cssSelector("a.briefing-link"))) {
            if (link.getText().equals(text)) {
                return "a.briefing-link[href='" + link.getAttribute("href").replaceFirst("^http://[^/]+", "") + "']";
            }
        }
        throw new AssertionError("no link to " + text + " on " + driver.getCurrentUrl());
    }

    private static void type(WebDriver driver, String css, String text) {
        find(driver, css).sendKeys(text);
    }

    /** Clicks and waits for the next page to replace this one. */
    private static void submit(WebDriver driver, String css) {
        WebElement element = find(driver, css);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(element));
    }

    private static WebElement find(WebDriver driver, String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Every address and title in a Chromium history database. */
    private static List<String[]> history(Path file) throws Exception {
        assertTrue(Files.exists(file), "Chromium kept its history in the owned profile");
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT url, title FROM urls")) {
            while (result.next()) {
                rows.add(new String[] {result.getString(1), result.getString(2)});
            }
        }
        return rows;
    }
}
