package be.carnet.client.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
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
    void theHomeAndBriefingPagesHaveASearchFormThatSendsWithPost() {
        Browser.Response home = web.browser.get("/");
        Browser.Response briefing = web.browser.get(Paths.briefing("pre-departure"));

        for (Browser.Response page : new Browser.Response[] {home, briefing}) {
            assertTrue(page.body().contains("<form method=\"post\" action=\"/search\" class=\"search-form\" role=\"search\">\n"
                    + "    <input type=\"hidden\" name=\"csrf\" value=\"" + web.browser.csrf() + "\">"), page.body());
            assertTrue(page.body().contains("<input type=\"search\" id=\"search-q\" name=\"q\" value=\"\" autocomplete=\"off\" maxlength=\"200\">"));
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
        assertTrue(results.body().contains("<a class=\"search-result\" href=\"" + Paths.briefing("pre-departure") + "#section-1\">"
                + "<span class=\"result-title\">Avant le départ</span>\n        <span class=\"result-heading\">Pourquoi</span></a>"),
                results.body());
        assertTrue(results.body().contains("href=\"" + Paths.briefing("on-site") + "#section-1\""));
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
        Browser.Response dutch = search("");

        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("<p class=\"error\" role=\"alert\" id=\"search-problem\">"
                + "Tapez au moins un mot à rechercher.</p>"), empty.body());
        assertEquals(400, dutch.status());
        assertTrue(dutch.body().contains("Typ minstens één woord om te zoeken."), dutch.body());
    }

    @Test
    void getShowsTheEmptyFormBeforeAnySearch() {
        Browser.Response page = web.browser.get("/search");

        assertEquals(200, page.status());
        assertTrue(page.body().contains("<input type=\"search\" id=\"search-q\" name=\"q\" value=\"\" autocomplete=\"off\" maxlength=\"200\">"),
                page.body());
        assertFalse(page.body().contains("id=\"search-problem\""), page.body());
        assertFalse(page.body().contains("id=\"search-none\""), page.body());
    }

    @Test
    void aQueryInTheAddressIsNotSearched() {
        Browser.Response page = web.browser.get("/search?q=encadre");

        assertEquals(200, page.status());
        assertTrue(page.body().contains("value=\"\""), page.body());
        assertFalse(page.body().contains("encadre"), page.body());
    }

    @Test
    void theResultsAnswerThePostWithoutARedirect() {
        Browser.Response results = search("encadre");

        assertEquals(200, results.status());
        assertNull(results.location());
        assertTrue(results.body().contains("2 passages trouvés pour « encadre »."), results.body());
    }

    @Test
    void aSearchWithoutTheFormsTokenIsRefused() {
        Browser.Response refused = web.browser.postExactly("/search", Map.of("q", "encadre"), Map.of());

        assertEquals(403, refused.status());
        assertFalse(refused.body().contains("encadre"), refused.body());
    }

    @Test
    void theLastSearchIsForgottenWhenTheVaultLocks() {
        search("encadre");

        web.browser.post("/lock", Map.of());
        web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response again = web.browser.get("/search");

        assertEquals(200, again.status());
        assertTrue(again.body().contains("value=\"\""), again.body());
        assertFalse(again.body().contains("encadre"), again.body());
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
    void switchingLanguageOnTheResultsKeepsTheQueryInMemoryNotInTheAddress() {
        Browser.Response results = search("sécurité wifi");

        assertTrue(results.body().contains("<input type=\"hidden\" name=\"back\" value=\"/search\">"), results.body());
        Browser.Response switched = web.browser.post("/language", Map.of("lang", "nl", "back", "/search"));
        assertEquals(303, switched.status());
        assertEquals("/search", switched.location());
        Browser.Response dutch = web.browser.get(switched.location());
        assertTrue(dutch.body().contains("value=\"sécurité wifi\""), dutch.body());
        assertTrue(dutch.body().contains("<html lang=\"nl\">"));
    }

    @Test
    void aBackAddressThatIsNotALocalPageGoesHome() {
        for (String hostile : new String[] {"/search?q=a&next=//evil.example", "/search?q=a%0d%0aLocation:x",
                "/search?x=1", "/search?q=encadre", "https://evil.example/search?q=a"}) {
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
        return web.browser.post("/search", Map.of("q", query));
    }
}
