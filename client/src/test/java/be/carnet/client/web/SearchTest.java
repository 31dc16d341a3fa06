package be.carnet.client.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import java.net.URLEncoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searching the unlocked briefings through real HTTP: the form, the results, the refusals. */
class SearchTest {

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir);
        web.agency.publish(1, ServiceFixture.clockStart().plus(Duration.ofDays(90)), ServiceFixture.files("texte"));
        web.setUp().enrol();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theHomeAndBriefingPagesHaveASearchFormThatReadsWithGet() {
        Browser.Response home = web.browser.get("/");
        Browser.Response briefing = web.browser.get("/briefings/pre-departure");

        for (Browser.Response page : new Browser.Response[] {home, briefing}) {
            assertTrue(page.body().contains("<form method=\"get\" action=\"/search\" class=\"search-form\" role=\"search\">"),
                    page.body());
            assertTrue(page.body().contains("<input type=\"search\" id=\"search-q\" name=\"q\" value=\"\" maxlength=\"200\">"));
            assertTrue(page.body().contains("<button type=\"submit\" id=\"search-submit\">Rechercher</button>"));
        }
        assertTrue(briefing.body().contains("<h2 id=\"section-1\">Pourquoi</h2>"), briefing.body());
    }

    @Test
    void findsTheSectionIgnoringAccentsAndLinksToItsHeading() {
        Browser.Response results = search("encadre");

        assertEquals(200, results.status());
        assertTrue(results.body().contains("<h1>Recherche dans les briefings</h1>"));
        assertTrue(results.body().contains("2 passages trouvés pour « encadre »."), results.body());
        assertTrue(results.body().contains("<a class=\"search-result\" href=\"/briefings/pre-departure#section-1\">"
                + "<span class=\"result-title\">Avant le départ</span>\n        <span class=\"result-heading\">Pourquoi</span></a>"),
                results.body());
        assertTrue(results.body().contains("href=\"/briefings/on-site#section-1\""));
        assertTrue(results.body().contains("Un <mark>encadré</mark>."), results.body());
    }

    @Test
    void showsTheBriefingTextEscapedWithOnlyTheMatchMarked() {
        Browser.Response results = search("PUCE");

        assertTrue(results.body().contains("une <mark>puce</mark> a &lt; b &amp; \"guillemets\""), results.body());
    }

    @Test
    void showsAScriptQueryAsText() {
        Browser.Response results = search("<script>alert(1)</script>");

        assertEquals(200, results.status());
        assertTrue(results.body().contains("Aucun passage des briefings ne contient « &lt;script&gt;alert(1)&lt;/script&gt; »."
                + " Essayez un autre mot ou un mot plus court."), results.body());
        assertTrue(results.body().contains("value=\"&lt;script>alert(1)&lt;/script>\""), results.body());
        assertFalse(results.body().contains("<script>"), results.body());
    }

    @Test
    void saysWhenNothingMatches() {
        Browser.Response results = search("texte introuvable");

        assertTrue(results.body().contains("<p class=\"notice\" role=\"status\" id=\"search-none\">Aucun passage des"
                + " briefings ne contient « texte introuvable ». Essayez un autre mot ou un mot plus court.</p>"),
                results.body());
    }

    @Test
    void refusesAnEmptyQueryInTheTravellersLanguage() {
        Browser.Response empty = search("   ");
        web.browser.post("/language", Map.of("lang", "nl", "back", "/"));
        Browser.Response dutch = web.browser.get("/search");

        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("<p class=\"error\" role=\"alert\" id=\"search-problem\">"
                + "Tapez au moins un mot à rechercher.</p>"), empty.body());
        assertEquals(400, dutch.status());
        assertTrue(dutch.body().contains("Typ minstens één woord om te zoeken."), dutch.body());
    }

    @Test
    void refusesAQueryOverTwoHundredCharacters() {
        Browser.Response results = search("texte ".repeat(34));

        assertEquals(400, results.status());
        assertTrue(results.body().contains("La recherche peut compter au plus 200 caractères."), results.body());
    }

    @Test
    void searchesTheBriefingsInTheTravellersLanguage() {
        web.browser.post("/language", Map.of("lang", "nl", "back", "/"));

        Browser.Response results = search("encadre");

        assertTrue(results.body().contains("<li lang=\"nl\">"), results.body());
        assertTrue(results.body().contains("<span class=\"result-title\">Voor vertrek</span>"), results.body());
        assertTrue(results.body().contains("2 passages gevonden voor “encadre”."), results.body());
    }

    @Test
    void switchingLanguageOnTheResultsKeepsTheQuery() {
        Browser.Response results = search("sécurité wifi");

        assertTrue(results.body().contains("<input type=\"hidden\" name=\"back\" value=\"/search?q=s%C3%A9curit%C3%A9+wifi\">"),
                results.body());
        Browser.Response switched = web.browser.post("/language", Map.of("lang", "nl", "back", "/search?q=s%C3%A9curit%C3%A9+wifi"));
        assertEquals(303, switched.status());
        assertEquals("/search?q=s%C3%A9curit%C3%A9+wifi", switched.location());
        Browser.Response dutch = web.browser.get(switched.location());
        assertTrue(dutch.body().contains("value=\"sécurité wifi\""), dutch.body());
        assertTrue(dutch.body().contains("<html lang=\"nl\">"));
    }

    @Test
    void aBackAddressThatIsNotALocalPageOrASearchGoesHome() {
        for (String hostile : new String[] {"/search?q=a&next=//evil.example", "/search?q=a%0d%0aLocation:x",
                "/search?x=1", "/search?q=" + "a".repeat(2401), "https://evil.example/search?q=a"}) {
            Browser.Response response = web.browser.post("/language", Map.of("lang", "fr", "back", hostile));

            assertEquals("/", response.location(), hostile);
        }
    }

    @Test
    void searchWhileLockedRedirectsToUnlock() {
        web.browser.post("/lock", Map.of());

        Browser.Response results = search("texte");

        assertEquals(303, results.status());
        assertEquals("/unlock", results.location());
    }

    private Browser.Response search(String query) {
        return web.browser.get("/search?q=" + URLEncoder.encode(query, UTF_8));
    }
}
