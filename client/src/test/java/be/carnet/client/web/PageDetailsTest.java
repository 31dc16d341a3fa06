package be.carnet.client.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page details an outside review found (issue 8, item 5), through the real server over HTTP. */
class PageDetailsTest {

    private static final Pattern ENTRY_LINK = Pattern.compile("href=\"(/incidents/[0-9a-f-]{36})\"");
    private static final Pattern DRAFT_LINK = Pattern.compile("href=\"(/drafts/[0-9a-f-]{36})\"");
    private static final String ARABIC_PLACE = "فندق اللوتس";
    private static final String HEBREW_LINE = "מישהו פתח את המזוודה";

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir);
        web.agency.publish(1, ServiceFixture.clockStart().plus(Duration.ofDays(90)), ServiceFixture.files("texte"));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void aWrongPassphraseSaysHowLongTheNextWrongTryWillWait() {
        web.setUp();
        web.browser.post("/lock", Map.of());

        Browser.Response first = web.browser.post("/unlock", Map.of("passphrase", "pas la bonne phrase"));
        Browser.Response second = web.browser.post("/unlock", Map.of("passphrase", "toujours pas la bonne"));

        assertEquals(400, first.status());
        assertTrue(first.body().contains("<p class=\"error\" role=\"alert\">Cette phrase de passe n’ouvre pas le carnet. "
                + "Si le prochain essai est faux aussi, la réponse attendra 2 secondes.</p>"), first.body());
        assertTrue(second.body().contains("Si le prochain essai est faux aussi, la réponse attendra 4 secondes."),
                second.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fr|https://agency.example/login|Le champ « Adresse du serveur de l’agence » : est l’adresse d’une page du personnel de l’agence, pas celle de l’agence : retirez « /login » et ce qui suit",
        "nl|https://agency.example/login|Het veld ‘Serveradres van het agentschap’: is het adres van een personeelspagina van het agentschap, niet dat van het agentschap zelf: laat ‘/login’ en wat volgt weg",
        "en|https://agency.example/missions/m-1|The field “Agency server address”: is the address of a staff page of the agency, not the agency’s own address: remove “/missions” and what follows",
    })
    void anAgencyStaffPageAddressIsRefusedAsNotTheAgencysAddress(String lang, String typed, String message) {
        web.setUp();
        web.browser.post("/language", Map.of("lang", lang, "back", "/enrol"));

        Browser.Response refused = web.browser.post("/enrol", Map.of("server", typed,
                "code", web.agency.issueCode("Délégué 7")));

        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("<p class=\"error\" role=\"alert\" id=\"error-server\">" + escaped(message) + "</p>"),
                refused.body());
    }

    @Test
    void theQuickLogOffersOtherOrNotSureFirst() {
        web.setUp();

        String home = web.browser.get("/").body();
        Browser.Response logged = web.browser.post("/incidents/quick",
                Map.of("category", "T99", "severity", "S1", "line", "Je ne sais pas quoi penser", "back", "/"));

        assertTrue(home.contains("<option value=\"\">— Catégorie —</option>\n"
                + "            <option value=\"T99\">T99 — Autre ou pas sûr</option>"), home);
        assertEquals(303, logged.status());
        assertTrue(web.browser.get("/incidents").body().contains("T99 — Autre ou pas sûr"));
    }

    @Test
    void aDateMoreThanTwoDaysAheadIsShownAgainWithAQuestionAndSavedOnceConfirmed() {
        web.setUp().enrol();
        Map<String, String> form = new LinkedHashMap<>(WebFixture.incident("Date lointaine"));
        form.put("occurredAt", "2062-12-03T14:30");

        Browser.Response asked = web.browser.post("/incidents", form);
        int entriesAfterQuestion = entries();
        form.put("futureConfirmed", "on");
        Browser.Response saved = web.browser.post("/incidents", form);

        assertEquals(400, asked.status());
        assertTrue(asked.body().contains("<p class=\"error\" role=\"alert\" id=\"error-occurredAt\">Le champ « Date et heure » : "
                + "est plus de deux jours dans le futur ; corrigez-la, ou cochez « Oui, cette date est juste »</p>"), asked.body());
        assertTrue(asked.body().contains("<input type=\"checkbox\" id=\"futureConfirmed\" name=\"futureConfirmed\">"), asked.body());
        assertTrue(asked.body().contains("value=\"2062-12-03T14:30\""), asked.body());
        assertEquals(0, entriesAfterQuestion);
        assertEquals(303, saved.status());
        assertEquals(1, entries());
    }

    @Test
    void aDateWithinTwoDaysIsSavedWithoutAQuestion() {
        web.setUp().enrol();

        Browser.Response saved = web.browser.post("/incidents", WebFixture.incident("Demain, fuseau confondu"));

        assertEquals(303, saved.status());
        assertFalse(web.browser.get("/incidents/new").body().contains("futureConfirmed"));
    }

    @Test
    void inEnglishAFrenchOnlyBriefingSaysThereIsNoEnglishVersion() {
        web.setUp().enrol();
        web.browser.post("/language", Map.of("lang", "en", "back", "/"));

        String home = web.browser.get("/").body();
        String briefing = web.browser.get(Paths.briefing("on-site")).body();

        assertTrue(home.contains("<p class=\"notice\" id=\"briefing-languages\">Briefings are written in French and Dutch; "
                + "those marked “no English version” are shown in French or Dutch.</p>"), home);
        assertTrue(home.contains("<span class=\"fallback\">no English version: Français</span>"), home);
        assertFalse(home.contains("other language"), home);
        assertTrue(briefing.contains("There is no English version of this briefing; it is shown in Français."), briefing);
    }

    @Test
    void inFrenchNoLanguageNoteIsShownWhenEveryBriefingExistsInFrench() {
        web.setUp().enrol();

        assertFalse(web.browser.get("/").body().contains("briefing-languages"));
    }

    @Test
    void rightToLeftTextTheTravellerTypedIsIsolatedOnTheMainPages() {
        web.setUp().enrol();
        web.browser.post("/devices", Map.of("deviceName", "هاتف"));
        Map<String, String> form = new LinkedHashMap<>(WebFixture.incident(HEBREW_LINE));
        form.put("place", ARABIC_PLACE);
        form.put("device", "هاتف");
        web.browser.post("/incidents", form);
        web.browser.post("/incidents/quick", Map.of("category", "T02", "severity", "S2", "line", HEBREW_LINE, "back", "/"));

        String list = web.browser.get("/incidents").body();
        Matcher entry = ENTRY_LINK.matcher(list);
        assertTrue(entry.find(), list);
        String shown = web.browser.get(entry.group(1)).body();
        Matcher draft = DRAFT_LINK.matcher(list);
        assertTrue(draft.find(), list);
        String draftForm = web.browser.get(draft.group(1)).body();

        assertTrue(list.contains("<td data-label=\"Lieu\"><bdi>" + ARABIC_PLACE + "</bdi></td>"), list);
        assertTrue(list.contains("<span class=\"line\" dir=\"auto\">" + HEBREW_LINE + "</span>"), list);
        assertTrue(shown.contains("<dd><bdi>" + ARABIC_PLACE + "</bdi></dd>"), shown);
        assertTrue(shown.contains("<dd><bdi>هاتف</bdi></dd>"), shown);
        assertTrue(shown.contains("<dd class=\"text\" id=\"entry-description\" dir=\"auto\">" + HEBREW_LINE + "</dd>"), shown);
        assertTrue(draftForm.contains("id=\"place\" name=\"place\" dir=\"auto\""), draftForm);
        assertTrue(draftForm.contains("id=\"description\" name=\"description\" dir=\"auto\""), draftForm);
        assertTrue(web.browser.get("/devices").body().contains("<bdi class=\"name\">هاتف</bdi>"));
    }

    @Test
    void theMissionNameIsIsolatedFromTheTextAroundIt() {
        web.setUp().enrol();

        String home = web.browser.get("/").body();

        assertTrue(home.contains("<p class=\"mission\">Mission : <bdi>"), home);
    }

    private int entries() {
        Matcher m = ENTRY_LINK.matcher(web.browser.get("/incidents").body());
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("\"", "&#34;").replace("'", "&#39;").replace("<", "&lt;");
    }
}
