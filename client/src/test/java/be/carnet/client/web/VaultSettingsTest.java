package be.carnet.client.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.client.TravellerApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The vault's pages in real headless Chromium (Debian's chromium and chromium-driver): the rules shown
 * before typing, changing the passphrase, the duress passphrase, the lock button, the idle lock and the
 * panic wipe; then the same forms fed hostile input through plain HTTP. Fails, never skips, when
 * Chromium is missing.
 */
class VaultSettingsTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String REAL = WebFixture.PASSPHRASE;
    private static final String NEW = "quatre mots sans rapport";
    private static final String DURESS = "une autre phrase bien choisie";

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
    void setupShowsTheRulesBeforeTypingAndTheStrengthAfter() {
        openChromium();

        String source = driver.getPageSource();
        String rules = text("#passphrase-rules");
        assertTrue(driver.getCurrentUrl().endsWith("/setup"), driver.getCurrentUrl());
        assertTrue(rules.contains("Au moins 12 caractères"), rules);
        assertTrue(rules.contains("Refusées : une phrase faite uniquement de chiffres ou d’un seul caractère répété"), rules);
        assertTrue(rules.contains("quatre mots ou plus"), rules);
        assertTrue(source.indexOf("id=\"passphrase-rules\"") < source.indexOf("name=\"passphrase\""));

        type("#passphrase", "123456789012");
        type("#confirm", "123456789012");
        submit("#setup-submit");
        assertEquals("La phrase de passe ne peut pas être composée uniquement de chiffres.", text("#setup-error"));

        type("#passphrase", REAL);
        type("#confirm", REAL);
        submit("#setup-submit");
        assertTrue(driver.getCurrentUrl().endsWith("/"), driver.getCurrentUrl());
        assertEquals("Votre carnet est prêt et chiffré. Force estimée de votre phrase de passe : bonne.",
                text("p.notice"));
    }

    @Test
    void changesThePassphraseThenLocksAndUnlocksWithTheNewOne() {
        openChromium();
        setUpInBrowser();
        find("#nav-settings").click();

        fillChange("pas la bonne phrase", NEW, NEW);
        assertEquals("Le champ « Phrase de passe actuelle » : n’ouvre pas le carnet ; rien n’a été modifié. "
                + "Chaque nouvel essai prend un peu plus de temps", text("#passphrase-error-currentPassphrase"));
        fillChange(REAL, NEW, NEW);
        assertEquals("La phrase de passe a été changée. Force estimée : bonne.", text("p.notice"));
        submit("#lock");
        unlockInBrowser(REAL);
        assertTrue(text("p.error").startsWith("Cette phrase de passe n’ouvre pas le carnet."));
        unlockInBrowser(NEW);

        assertTrue(driver.getCurrentUrl().endsWith("/"), driver.getCurrentUrl());
        assertTrue(find("#lock").isDisplayed());
        // The right current passphrase reset the count: the wrong unlock after it is a first failure again.
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), web.waits.waits());
    }

    @Test
    void aDuressPassphraseWipesSilentlyAndOpensAnEmptyVault() throws Exception {
        openChromium();
        setUpInBrowser();
        web.enrol();
        assertEquals(303, web.browser.post("/incidents", WebFixture.incident("un homme fouillait ma valise")).status());
        assertEquals(1, count("incidents"));
        find("#nav-settings").click();
        type("#duress-current", REAL);
        type("#duress-new", DURESS);
        type("#duress-confirm", DURESS);
        submit("#duress-submit");
        assertEquals("La phrase de passe de contrainte est enregistrée.", text("p.notice"));
        submit("#lock");

        unlockInBrowser(DURESS);

        assertTrue(driver.getCurrentUrl().endsWith("/"), driver.getCurrentUrl());
        String home = driver.findElement(By.tagName("main")).getText();
        assertTrue(driver.findElements(By.cssSelector("p.error")).isEmpty(), home);
        assertFalse(home.contains("effacé"), home);
        assertTrue(home.startsWith("Briefings de la mission"), home);
        assertEquals(0, count("incidents"));
        assertEquals(0, count("secrets"));
        driver.get(url("/enrol"));
        assertFalse(driver.getPageSource().contains("Mission économique Chine"));
        assertFalse(driver.findElements(By.cssSelector("[name='code']")).isEmpty());
        submit("#lock");
        unlockInBrowser(REAL);
        assertTrue(text("p.error").startsWith("Cette phrase de passe n’ouvre pas le carnet."));
        unlockInBrowser(DURESS);
        assertTrue(driver.getCurrentUrl().endsWith("/"), driver.getCurrentUrl());
    }

    @Test
    void everyUnlockedPageHasTheLockButtonAndTheSettingsLink() {
        openChromium();
        setUpInBrowser();

        for (String path : List.of("/", "/incidents", "/incidents/new", "/sync", "/enrol", "/settings")) {
            driver.get(url(path));
            assertTrue(find("#lock").isDisplayed(), path);
            assertTrue(find("#nav-settings").isDisplayed(), path);
        }
        submit("#lock");

        assertTrue(driver.getCurrentUrl().endsWith("/unlock"), driver.getCurrentUrl());
        assertEquals("Carnet est verrouillé. La clé a été effacée de la mémoire.", text("p.notice"));
        assertTrue(driver.findElements(By.id("lock")).isEmpty());
        driver.get(url("/settings"));
        assertTrue(driver.getCurrentUrl().endsWith("/unlock"), driver.getCurrentUrl());
    }

    @Test
    void theIdleLockPeriodIsChosenOnTheSettingsPageAndTakesEffectAtOnce() {
        openChromium();
        setUpInBrowser();
        find("#nav-settings").click();
        assertEquals("10", find("#idle-minutes").getAttribute("value"));

        type("#idle-minutes", "1");
        submit("#idle-submit");
        assertEquals("Carnet se verrouillera désormais après 1 minute sans activité.", text("p.notice"));
        web.clock.advance(Duration.ofSeconds(59));
        driver.get(url("/sync"));
        assertTrue(driver.getCurrentUrl().endsWith("/sync"), driver.getCurrentUrl());
        web.clock.advance(Duration.ofSeconds(61));
        driver.get(url("/sync"));

        assertTrue(driver.getCurrentUrl().endsWith("/unlock"), driver.getCurrentUrl());
    }

    @Test
    void panicWipeErasesTheKeyAndTheData() throws Exception {
        openChromium();
        setUpInBrowser();
        web.enrol();
        assertTrue(count("secrets") > 0);
        find("#nav-wipe").click();

        type("#confirm", "EFFACER");
        submit("#wipe-submit");

        assertTrue(driver.getCurrentUrl().endsWith("/setup"), driver.getCurrentUrl());
        assertEquals("Tout a été effacé. Vous pouvez recréer un carnet.", text("p.notice"));
        assertFalse(Files.exists(dir.resolve(TravellerApp.KEY_FILE)));
        assertEquals(0, count("secrets"));
        assertEquals(0, count("incidents"));
    }

    // Hostile input through plain HTTP: the browser's own form validation would stop most of it.

    @Test
    void settingsFormsWithoutTheCsrfTokenAreRefusedAndChangeNothing() throws IOException {
        web.setUp();
        byte[] keyFile = Files.readAllBytes(dir.resolve(TravellerApp.KEY_FILE));

        List<Integer> statuses = List.of(
                web.browser.postExactly("/settings/passphrase", Map.of("currentPassphrase", REAL,
                        "newPassphrase", NEW, "confirmPassphrase", NEW), Map.of()).status(),
                web.browser.postExactly("/settings/duress", Map.of("currentPassphrase", REAL,
                        "duressPassphrase", DURESS, "confirmDuress", DURESS), Map.of()).status(),
                web.browser.postExactly("/settings/duress/remove", Map.of("currentPassphrase", REAL), Map.of()).status(),
                web.browser.postExactly("/settings/idle-lock", Map.of("idleMinutes", "1"), Map.of()).status());

        assertEquals(List.of(403, 403, 403, 403), statuses);
        assertArrayEquals(keyFile, Files.readAllBytes(dir.resolve(TravellerApp.KEY_FILE)));
        assertTrue(web.browser.get("/settings").body().contains("value=\"10\""));
    }

    @Test
    void badSettingsInputGetsAClearErrorNamingTheFieldAndChangesNothing() throws IOException {
        web.setUp();
        byte[] keyFile = Files.readAllBytes(dir.resolve(TravellerApp.KEY_FILE));

        Browser.Response zero = web.browser.post("/settings/idle-lock", Map.of("idleMinutes", "0"));
        Browser.Response script = web.browser.post("/settings/idle-lock", Map.of("idleMinutes", "<b>5</b>"));
        Browser.Response mismatch = web.browser.post("/settings/passphrase", Map.of("currentPassphrase", REAL,
                "newPassphrase", NEW, "confirmPassphrase", NEW + "!"));
        Browser.Response repeated = web.browser.post("/settings/passphrase", Map.of("currentPassphrase", REAL,
                "newPassphrase", "zzzzzzzzzzzzzz", "confirmPassphrase", "zzzzzzzzzzzzzz"));
        Browser.Response control = web.browser.post("/settings/passphrase", Map.of("currentPassphrase", REAL,
                "newPassphrase", "une phrase\u0007 sonore", "confirmPassphrase", "une phrase\u0007 sonore"));
        Browser.Response empty = web.browser.post("/settings/duress", Map.of("currentPassphrase", REAL,
                "duressPassphrase", "", "confirmDuress", ""));
        Browser.Response sameAsReal = web.browser.post("/settings/duress", Map.of("currentPassphrase", REAL,
                "duressPassphrase", REAL, "confirmDuress", REAL));
        Browser.Response tooLong = web.browser.post("/settings/duress", Map.of("currentPassphrase", REAL,
                "duressPassphrase", "ab".repeat(600), "confirmDuress", "ab".repeat(600)));

        for (Browser.Response r : List.of(zero, script, mismatch, repeated, control, empty, sameAsReal, tooLong)) {
            assertEquals(400, r.status(), r.body());
        }
        assertTrue(zero.body().contains("<p class=\"error\" role=\"alert\" id=\"idle-error-idleMinutes\">Le champ "
                + "« Minutes avant le verrouillage » : doit être un nombre entier de minutes entre 1 et 120</p>"),
                zero.body());
        assertTrue(script.body().contains("value=\"&lt;b>5&lt;/b>\""), script.body());
        assertTrue(zero.body().contains("id=\"idle-minutes\" name=\"idleMinutes\" aria-invalid=\"true\""), zero.body());
        assertTrue(mismatch.body().contains("id=\"change-confirm\" name=\"confirmPassphrase\" aria-invalid=\"true\""));
        assertTrue(mismatch.body().contains("id=\"change-new\" name=\"newPassphrase\" required"));
        assertFalse(script.body().contains("<b>5"));
        assertTrue(mismatch.body().contains("Le champ « Répétez la nouvelle phrase de passe » : doit être identique "
                + "à la phrase tapée au-dessus"), mismatch.body());
        assertTrue(repeated.body().contains("Le champ « Nouvelle phrase de passe » : ne peut pas être un seul "
                + "caractère répété"), repeated.body());
        assertTrue(control.body().contains("Le champ « Nouvelle phrase de passe » : ne peut pas contenir de "
                + "caractères de contrôle"), control.body());
        assertTrue(empty.body().contains("Le champ « Phrase de passe de contrainte » : doit compter au moins 12 "
                + "caractères"), empty.body());
        assertTrue(sameAsReal.body().contains("Le champ « Phrase de passe de contrainte » : doit être différente de "
                + "votre phrase de passe habituelle"), sameAsReal.body());
        assertTrue(tooLong.body().contains("Le champ « Phrase de passe de contrainte » : doit compter au plus "
                + "1\u202F024 caractères"), tooLong.body());
        for (Browser.Response r : List.of(mismatch, repeated, control, sameAsReal)) {
            assertFalse(r.body().contains(REAL), "a passphrase was sent back in the page");
            assertFalse(r.body().contains(NEW), "a passphrase was sent back in the page");
        }
        assertArrayEquals(keyFile, Files.readAllBytes(dir.resolve(TravellerApp.KEY_FILE)));
        assertTrue(web.browser.get("/settings").body().contains("value=\"10\""));
        assertEquals(List.of(), web.waits.waits());
    }

    @Test
    void theSettingsPageNeedsAnOpenVault() {
        web.setUp();
        web.browser.post("/lock", Map.of());

        Browser.Response page = web.browser.get("/settings");
        Browser.Response change = web.browser.post("/settings/passphrase", Map.of("currentPassphrase", REAL,
                "newPassphrase", NEW, "confirmPassphrase", NEW));

        assertEquals("/unlock", page.location());
        assertEquals("/unlock", change.location());
        assertEquals(303, web.browser.post("/unlock", Map.of("passphrase", REAL)).status());
    }

    private void openChromium() {
        assertTrue(Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM),
                "headless Chromium is required: install chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--lang=fr-BE", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-BE,fr"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.get(web.app.launchUrl());
    }

    private void setUpInBrowser() {
        type("#passphrase", REAL);
        type("#confirm", REAL);
        submit("#setup-submit");
    }

    private void unlockInBrowser(String passphrase) {
        type("#passphrase", passphrase);
        submit("#unlock-submit");
    }

    private void fillChange(String current, String replacement, String confirmation) {
        type("#change-current", current);
        type("#change-new", replacement);
        type("#change-confirm", confirmation);
        submit("#change-submit");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + web.app.port() + path;
    }

    private WebElement find(String css) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no element " + css + " on " + driver.getCurrentUrl() + "; the page says:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    private String text(String css) {
        return find(css).getText();
    }

    private void type(String css, String value) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(value);
    }

    /** Clicks a submit button and waits for the next page to replace this one. */
    private void submit(String css) {
        WebElement html = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(html));
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    /** Rows in {@code table}, read through a connection of its own (the app keeps its own open). */
    private long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(TravellerApp.DATABASE_FILE));
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
