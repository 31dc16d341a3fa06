package be.carnet.client.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.TravellerApp;
import be.carnet.client.web.Browser;
import be.carnet.client.web.WebFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "verify journal" action through the real server: the button on the incident list, the answer on it. */
class JournalVerifyPageTest {

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir).setUp();
        web.enrol();
        web.browser.post("/incidents", WebFixture.incident("premier"));
        web.browser.post("/incidents", WebFixture.incident("second"));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theIncidentListOffersTheVerifyAction() {
        String page = web.browser.get("/incidents").body();

        assertTrue(page.contains("<form method=\"post\" action=\"/journal/verify\">"), page);
        assertTrue(page.contains(">Vérifier le journal</button>"), page);
    }

    @Test
    void anIntactJournalIsReportedWithItsNumberOfEntries() {
        Browser.Response response = web.browser.post("/journal/verify", Map.of());

        assertEquals(303, response.status());
        assertEquals("/incidents", response.location());
        assertTrue(web.browser.get("/incidents").body().contains("<p class=\"notice\" role=\"status\">Le journal est"
                + " intact : aucune modification détectée (signalements vérifiés : 2).</p>"));
    }

    @Test
    void aDeletedEntryIsNamedAsTheFirstBrokenOne() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(TravellerApp.DATABASE_FILE));
             Statement statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM incidents WHERE sequence = 1");
        }

        web.browser.post("/journal/verify", Map.of());

        assertTrue(web.browser.get("/incidents").body().contains("<p class=\"error\" role=\"alert\">Le journal est"
                + " endommagé : le signalement n° 1 manque, le journal passe directement au n° 2. Prévenez l’agence.</p>"));
    }

    @Test
    void theAnswerIsInTheTravellersLanguage() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(TravellerApp.DATABASE_FILE));
             Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE incidents SET sequence = 7 WHERE sequence = 2");
        }
        web.browser.post("/language", Map.of("lang", "nl", "back", "/incidents"));

        web.browser.post("/journal/verify", Map.of());

        assertTrue(web.browser.get("/incidents").body().contains("<p class=\"error\" role=\"alert\">Het logboek is"
                + " beschadigd bij melding nr. 2: het nummer dat onversleuteld bewaard is (7) komt niet overeen met het"
                + " ondertekende nummer (2); meldingen werden hernummerd of verplaatst. Verwittig het agentschap.</p>"));
    }

    @Test
    void withoutTheCsrfTokenNothingIsVerified() {
        Browser.Response response = web.browser.postExactly("/journal/verify", Map.of(), Map.of());

        assertEquals(403, response.status());
        assertFalse(web.browser.get("/incidents").body().contains("Le journal est intact"));
    }
}
