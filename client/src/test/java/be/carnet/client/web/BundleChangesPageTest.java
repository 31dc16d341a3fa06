package be.carnet.client.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "what changed" notice on the home page after a newer bundle, and its dismiss button, over real HTTP. */
class BundleChangesPageTest {

    private static final Instant IN_90_DAYS = ServiceFixture.clockStart().plus(Duration.ofDays(90));

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir);
        web.agency.publish(1, IN_90_DAYS, ServiceFixture.files("un"));
        web.setUp().enrol();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void aFirstInstallShowsNoChanges() {
        Browser.Response home = web.browser.get("/");

        assertFalse(home.body().contains("bundle-changes"), home.body());
    }

    @Test
    void theHomePageListsTheNewChangedAndRemovedBriefingsOfTheNewerBundle() {
        web.agency.publish(2, IN_90_DAYS, versionTwo());
        web.browser.post("/briefings-update", Map.of());

        Browser.Response home = web.browser.get("/");

        assertEquals(200, home.status());
        assertTrue(compact(home.body()).contains("<div class=\"notice\" role=\"status\" id=\"bundle-changes\">"
                + "<p>Les briefings sont passés à la version 2</p><ul>"
                + "<li><a href=\"" + Paths.briefing("pre-departure") + "\" lang=\"fr\">Avant le départ</a>"
                + "<span class=\"change\">mis à jour</span></li>"
                + "<li><a href=\"" + Paths.briefing("visa") + "\" lang=\"fr\">Visa &amp; douane</a>"
                + "<span class=\"change\">nouveau</span></li>"
                + "<li><code>on-site</code><span class=\"change\">retiré</span></li></ul>"
                + "<form method=\"post\" action=\"/briefings-changes/dismiss\" class=\"inline-form\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + web.browser.csrf() + "\">"
                + "<button type=\"submit\" id=\"dismiss-changes\">Compris, masquer</button></form></div>"),
                home.body());
    }

    @Test
    void dismissingHidesTheNoticeAlsoAfterARestart() {
        web.agency.publish(2, IN_90_DAYS, versionTwo());
        web.browser.post("/briefings-update", Map.of());

        Browser.Response dismissed = web.browser.post("/briefings-changes/dismiss", Map.of());
        Browser.Response home = web.browser.get("/");
        web.restart();
        web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response afterRestart = web.browser.get("/");

        assertEquals(303, dismissed.status());
        assertEquals("/", dismissed.location());
        assertFalse(home.body().contains("bundle-changes"), home.body());
        assertTrue(afterRestart.body().contains("Version 2 des briefings"), afterRestart.body());
        assertFalse(afterRestart.body().contains("bundle-changes"), afterRestart.body());
    }

    @Test
    void dismissingWithoutTheCsrfTokenIsRefused() {
        web.agency.publish(2, IN_90_DAYS, versionTwo());
        web.browser.post("/briefings-update", Map.of());

        Browser.Response refused = web.browser.postExactly("/briefings-changes/dismiss", Map.of(), Map.of());

        assertEquals(403, refused.status());
        assertTrue(web.browser.get("/").body().contains("id=\"bundle-changes\""));
    }

    /** The page without its line breaks and indentation, to compare markup exactly. */
    private static String compact(String html) {
        return html.replaceAll("\\n\\s*", "");
    }

    /** pre-departure changed, on-site removed, visa new (its title needs escaping). */
    private static Map<String, byte[]> versionTwo() {
        Map<String, byte[]> files = new LinkedHashMap<>(ServiceFixture.files("deux"));
        files.remove("briefings/on-site/fr.md");
        files.put("briefings/visa/fr.md",
                ServiceFixture.briefing("visa", "fr", "before", "Visa & douane", "deux").getBytes(UTF_8));
        return files;
    }
}
