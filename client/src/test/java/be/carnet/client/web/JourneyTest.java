package be.carnet.client.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.client.TravellerApp;
import be.carnet.client.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traveller's pages through real HTTP: the ids and classes the end-to-end test relies on, and their behaviour. */
class JourneyTest {

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
    void theFirstStartAsksForAPassphraseAndShowsTheRuleBeforeTyping() {
        Browser.Response home = web.browser.get("/");
        Browser.Response setup = web.browser.get("/setup");

        assertEquals("/setup", home.location());
        assertTrue(setup.body().contains("<html lang=\"fr\">"));
        assertTrue(setup.body().contains("Au moins 12 caractères"));
        assertTrue(setup.body().indexOf("Au moins 12 caractères") < setup.body().indexOf("name=\"passphrase\""));
        assertTrue(setup.body().contains("type=\"password\" id=\"passphrase\" name=\"passphrase\""));
        assertTrue(setup.body().contains("type=\"password\" id=\"confirm\" name=\"confirm\""));
        assertTrue(setup.body().contains("id=\"setup-submit\""));
        assertTrue(setup.body().contains("id=\"lang-fr\""));
        assertFalse(setup.body().contains("id=\"lock\""));
    }

    @Test
    void aShortPassphraseIsRefusedInTheTravellersLanguage() {
        Browser.Response response = web.browser.post("/setup", Map.of("passphrase", "court", "confirm", "court"));

        assertEquals(400, response.status());
        assertTrue(response.body().contains(
                "<p class=\"error\" role=\"alert\" id=\"setup-error\">La phrase de passe doit compter au moins 12 caractères.</p>"),
                response.body());
        assertEquals("/setup", web.browser.get("/").location());
    }

    @Test
    void aTooLongPassphraseIsRefusedWithItsOwnMessage() {
        String tooLong = "a".repeat(1025);
        Browser.Response response = web.browser.post("/setup", Map.of("passphrase", tooLong, "confirm", tooLong));

        assertEquals(400, response.status());
        assertTrue(response.body().contains(
                "<p class=\"error\" role=\"alert\" id=\"setup-error\">La phrase de passe peut compter au plus 1\u202F024 caractères.</p>"),
                response.body());
        assertFalse(response.body().contains("au moins 12 caractères."), response.body());
        assertEquals("/setup", web.browser.get("/").location());
    }

    @Test
    void setupUnlockAndLock() {
        Browser.Response created = web.browser.post("/setup", Map.of("passphrase", WebFixture.PASSPHRASE,
                "confirm", WebFixture.PASSPHRASE));
        Browser.Response home = web.browser.get("/");
        Browser.Response locked = web.browser.post("/lock", Map.of());
        Browser.Response unlockPage = web.browser.get("/unlock");
        Browser.Response wrong = web.browser.post("/unlock", Map.of("passphrase", "pas la bonne phrase"));
        Browser.Response right = web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));

        assertEquals("/", created.location());
        assertEquals(200, home.status());
        for (String id : List.of("nav-home\" href=\"/\"", "nav-incidents\" href=\"/incidents\"",
                "nav-new-incident\" href=\"/incidents/new\"", "nav-sync\" href=\"/sync\"", "nav-enrol\" href=\"/enrol\"",
                "id=\"lock\"", "id=\"lang-fr\"", "id=\"lang-nl\"", "id=\"lang-en\"")) {
            assertTrue(home.body().contains(id), id);
        }
        assertEquals("/unlock", locked.location());
        assertTrue(unlockPage.body().contains("name=\"passphrase\""));
        assertTrue(unlockPage.body().contains("id=\"unlock-submit\""));
        assertTrue(unlockPage.body().contains("Carnet est verrouillé. La clé a été effacée de la mémoire."));
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("<p class=\"error\" role=\"alert\">Cette phrase de passe n’ouvre pas le carnet."),
                wrong.body());
        assertEquals("/", right.location());
    }

    @Test
    void enrolsShowsTheMissionAndInstallsTheBriefings() {
        web.setUp();
        Browser.Response form = web.browser.get("/enrol");

        Browser.Response enrolled = web.enrol();
        Browser.Response status = web.browser.get("/enrol");

        assertTrue(form.body().contains("name=\"server\""));
        assertTrue(form.body().contains("name=\"code\""));
        assertTrue(form.body().contains("id=\"enrol-submit\""));
        assertEquals("/enrol", enrolled.location());
        String section = between(status.body(), "<section id=\"enrolment-status\"", "</section>");
        assertTrue(section.contains("Mission économique Chine"), section);
        assertTrue(section.contains("Délégué 7"), section);
        assertTrue(status.body().contains("Enrôlement réussi pour la mission « Mission économique Chine ». "
                + "Les briefings (version 1) sont installés."), status.body());
    }

    @Test
    void refusesAMistypedCodeAndAnInvalidAddressNamingTheFields() {
        web.setUp();

        Browser.Response response = web.browser.post("/enrol", Map.of("server", "ftp://agency", "code", "1234"));

        assertEquals(400, response.status());
        assertTrue(response.body().contains("Le champ « Adresse du serveur de l’agence » : doit être une adresse complète"
                + " commençant par https:// ou http://, sans nom d’utilisateur ni paramètres"), response.body());
        assertTrue(response.body().contains("Le champ « Code d’enrôlement » : doit compter 28 lettres et chiffres"
                + " (les tirets et les espaces sont ignorés)"), response.body());
        assertEquals(0, web.agency.requestCount());
    }

    @Test
    void theFormKeepsTheAddressAndTheCodeWhenTheAgencyCannotBeReached() {
        web.setUp();
        String code = web.agency.issueCode("Délégué 7");
        web.agency.setDown(true);

        Browser.Response response = web.browser.post("/enrol", Map.of("server", web.agency.address().toString(),
                "code", code));

        assertEquals(400, response.status());
        assertTrue(response.body().contains("id=\"code\" name=\"code\" value=\"" + code + "\""), response.body());
        assertTrue(response.body().contains("value=\"" + web.agency.address() + "\""), response.body());
        assertFalse(web.agency.spent(code));
        web.agency.setDown(false);
        assertEquals(303, web.browser.post("/enrol", Map.of("server", web.agency.address().toString(),
                "code", code)).status());
    }

    @Test
    void aTypoInTheEndOfTheCodeIsMarkedOnTheCodeFieldAndNothingIsSent() {
        web.setUp();
        String code = web.agency.issueCode("Délégué 7");
        String typo = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");

        Browser.Response response = web.browser.post("/enrol", Map.of("server", web.agency.address().toString(),
                "code", typo));

        assertEquals(400, response.status());
        assertTrue(response.body().contains("Le champ « Code d’enrôlement » : ne correspond pas à l’agence à cette "
                + "adresse : vérifiez les trois derniers groupes du code, puis l’adresse. Rien n’a été envoyé et le "
                + "code reste valable."), response.body());
        assertTrue(response.body().contains("aria-invalid=\"true\""), response.body());
        assertEquals(0, web.agency.requestCount(be.carnet.client.agency.FakeAgency.Endpoint.OFFER));
        assertFalse(web.agency.spent(code));
    }

    @Test
    void refusesAnAgencyWhoseKeyDoesNotMatchTheCode() {
        web.setUp();
        web.agency.answerWith(be.carnet.protocol.sign.Ed25519KeyPair.generate());

        Browser.Response response = web.enrol();

        assertEquals(400, response.status());
        assertTrue(response.body().contains("La réponse ne vient pas de l’agence indiquée par votre code"),
                response.body());
        assertFalse(web.browser.get("/enrol").body().contains("enrolment-status"));
    }

    @Test
    void homeListsTheBriefingsByPhaseAndABriefingShowsItsChecklist() {
        web.setUp().enrol();

        Browser.Response home = web.browser.get("/");
        Browser.Response briefing = web.browser.get(Paths.briefing("pre-departure"));

        assertTrue(home.body().contains("<h2 id=\"phase-before\">Avant le départ</h2>"), home.body());
        assertTrue(home.body().contains("<h2 id=\"phase-during\">Pendant la mission</h2>"));
        assertTrue(home.body().contains("class=\"briefing-link\" href=\"" + Paths.briefing("pre-departure") + "\""));
        assertTrue(home.body().contains("class=\"briefing-link\" href=\"" + Paths.briefing("on-site") + "\""));
        String article = between(briefing.body(), "<article id=\"briefing\"", "</article>");
        assertTrue(article.contains("<h1>Avant le départ</h1>"));
        assertTrue(article.contains("<strong>gras</strong>"));
        assertTrue(article.contains("<em>italique</em>"));
        assertTrue(article.contains("<a href=\"https://cert.be/\" rel=\"noopener noreferrer\" target=\"_blank\">un lien</a>"));
        assertTrue(article.contains("une puce a &lt; b &amp; \"guillemets\""), article);
        assertTrue(article.contains("28 novembre 2026"));
        assertTrue(article.contains("id=\"check-backup\""));
        assertTrue(article.contains("<p id=\"checklist-progress\" class=\"progress\" lang=\"fr\">0 / 2 fait</p>"));
    }

    @Test
    void ticksAndUnticksAChecklistItemWithoutJavaScript() {
        web.setUp().enrol();

        Browser.Response ticked = web.browser.post("/checklist", Map.of("briefing", "pre-departure", "item", "backup",
                "ticked", "true"));
        String afterTick = web.browser.get(Paths.briefing("pre-departure")).body();
        web.browser.post("/checklist", Map.of("briefing", "pre-departure", "item", "backup", "ticked", "false"));
        String afterUntick = web.browser.get(Paths.briefing("pre-departure")).body();

        assertEquals(Paths.briefing("pre-departure") + "#" + Paths.checklistItem("backup"), ticked.location());
        assertTrue(afterTick.contains("<li id=\"" + Paths.checklistItem("backup") + "\" class=\"checklist-item checked\">"), afterTick);
        assertTrue(afterTick.contains(">1 / 2 fait</p>"));
        assertTrue(afterUntick.contains("<li id=\"" + Paths.checklistItem("backup") + "\" class=\"checklist-item\">"));
        assertTrue(afterUntick.contains(">0 / 2 fait</p>"));
    }

    @Test
    void refusesToTickAnItemThatIsNotInTheBriefing() {
        web.setUp().enrol();

        Browser.Response response = web.browser.post("/checklist", Map.of("briefing", "pre-departure",
                "item", "no-such-item", "ticked", "true"));

        assertEquals(404, response.status());
    }

    @Test
    void switchingLanguageIsRememberedAndEnglishFallsBackToFrench() {
        web.setUp().enrol();

        web.browser.post("/language", Map.of("lang", "nl", "back", Paths.briefing("pre-departure")));
        Browser.Response dutch = web.browser.get(Paths.briefing("pre-departure"));
        web.browser.post("/language", Map.of("lang", "en", "back", "/"));
        Browser.Response english = web.browser.get(Paths.briefing("pre-departure"));
        web.restart();
        Browser.Response afterRestart = web.browser.get("/unlock");

        assertTrue(dutch.body().contains("<html lang=\"nl\">"));
        assertTrue(dutch.body().contains("<h1>Voor vertrek</h1>"));
        assertTrue(english.body().contains("<html lang=\"en\">"));
        assertTrue(english.body().contains("<article id=\"briefing\" lang=\"fr\">"));
        assertTrue(english.body().contains("There is no English version of this briefing; it is shown in Français."),
                english.body());
        assertTrue(afterRestart.body().contains("<html lang=\"en\">"));
        assertTrue(afterRestart.body().contains("Carnet is locked"));
    }

    @Test
    void theLanguageFormGoesBackOnlyToALocalPath() {
        web.setUp();

        Browser.Response response = web.browser.post("/language", Map.of("lang", "nl", "back", "//evil.example/"));

        assertEquals("/", response.location());
    }

    @Test
    void logsAnIncidentAndListsItNewestFirst() {
        web.setUp().enrol();
        Browser.Response form = web.browser.get("/incidents/new");

        Browser.Response saved = web.browser.post("/incidents", WebFixture.incident("Un QR code sur le menu"));
        Browser.Response list = web.browser.get("/incidents");

        assertTrue(form.body().contains("<select id=\"category\" name=\"category\""));
        for (String code : List.of("T01", "T13", "T99")) {
            assertTrue(form.body().contains("<option value=\"" + code + "\""), code);
        }
        assertTrue(form.body().contains("<option value=\"AMBER\" selected>TLP:AMBER</option>"), form.body());
        assertTrue(form.body().contains("<option value=\"AMBER_STRICT\">TLP:AMBER+STRICT</option>"));
        assertTrue(form.body().contains("<option value=\"S4\">S4 — Critique</option>"));
        assertTrue(form.body().contains("type=\"datetime-local\" id=\"occurredAt\" name=\"occurredAt\" value=\"2026-12-01T16:00\""),
                form.body());
        assertTrue(form.body().contains("<option value=\"Asia/Shanghai\" selected>Chine — Pékin (UTC+8) — cet ordinateur"
                + "</option>"), form.body());
        assertTrue(form.body().contains("Un mail, un SMS ou un message inattendu"));
        assertTrue(form.body().contains("Une tentative à laquelle vous n’avez pas donné suite"));
        assertTrue(form.body().contains("id=\"incident-submit\""));
        assertEquals("/incidents", saved.location());
        assertTrue(list.body().contains("<table id=\"incidents\">"));
        String row = between(list.body(), "<tr class=\"incident\"", "</tr>");
        assertTrue(row.contains("T04 — Message suspect"), row);
        assertTrue(row.contains("S2 — Moyen"), row);
        assertTrue(row.contains("Hôtel Lotus, Shanghai"), row);
        assertTrue(row.contains("3 déc. 2026 14:30 (Pékin, UTC+8)"), row);
        assertTrue(row.contains("<td class=\"state state-ready\" data-label=\"État\">Prêt à envoyer</td>"), row);
    }

    @Test
    void anIncidentLoggedBeforeEnrolmentWaitsAndIsSealedAtEnrolment() {
        web.setUp();
        web.browser.post("/incidents", WebFixture.incident("avant l’enrôlement"));
        String pending = web.browser.get("/incidents").body();

        web.enrol();
        String ready = web.browser.get("/incidents").body();

        assertTrue(pending.contains("<td class=\"state state-pending\" data-label=\"État\">En attente de l’enrôlement</td>"));
        assertTrue(ready.contains("<td class=\"state state-ready\" data-label=\"État\">Prêt à envoyer</td>"));
    }

    @Test
    void theExpiryWarningAppearsOnceTheClockPassesExpiryWhileUnlocked() {
        web.agency.publish(1, ServiceFixture.clockStart().plus(Duration.ofMinutes(5)), ServiceFixture.files("texte"));
        web.setUp().enrol();
        Browser.Response before = web.browser.get("/");
        Browser.Response briefingBefore = web.browser.get(Paths.briefing("pre-departure"));

        web.clock.advance(Duration.ofMinutes(6));
        Browser.Response after = web.browser.get("/");
        Browser.Response briefingAfter = web.browser.get(Paths.briefing("pre-departure"));

        assertEquals(200, after.status(), after.body());
        assertFalse(before.body().contains("id=\"bundle-expired\""), before.body());
        assertFalse(briefingBefore.body().contains("Ces briefings ont expiré"), briefingBefore.body());
        assertTrue(after.body().contains("id=\"bundle-expired\""), after.body());
        assertTrue(briefingAfter.body().contains("Ces briefings ont expiré et sont peut-être dépassés."),
                briefingAfter.body());
    }

    @Test
    void syncSendsTheReportsAndShowsEachReceipt() {
        web.setUp().enrol();
        web.browser.post("/incidents", WebFixture.incident("premier"));
        web.browser.post("/incidents", WebFixture.incident("second"));
        Browser.Response page = web.browser.get("/sync");

        Browser.Response synced = web.browser.post("/sync", Map.of());
        String list = web.browser.get("/incidents").body();

        assertTrue(page.body().contains("id=\"sync-submit\""));
        assertTrue(page.body().contains("Signalements en attente d’envoi : 2"));
        assertFalse(page.body().contains("sync-result"));
        String result = between(synced.body(), "<section id=\"sync-result\"", "</section>");
        assertEquals(2, count(result, "class=\"receipt new\""));
        assertTrue(result.contains("Signalement n° 1 : reçu par l’agence en position 1 de son registre, le "), result);
        assertTrue(result.contains("Signalement n° 2 : reçu par l’agence en position 2 de son registre, le "), result);
        assertEquals(0, count(result, "class=\"error\""));
        assertEquals(2, count(list, "<td class=\"state state-acknowledged\" data-label=\"État\">Reçu par l’agence</td>"));
    }

    @Test
    void aDamagedStoredReceiptDoesNotBreakTheSyncPage() {
        web.setUp().enrol();
        web.browser.post("/incidents", WebFixture.incident("premier"));
        web.browser.post("/incidents", WebFixture.incident("second"));
        web.browser.post("/incidents", WebFixture.incident("troisième"));
        web.browser.post("/sync", Map.of());
        web.app.stop();
        try (Database database = Database.open(dir.resolve(TravellerApp.DATABASE_FILE))) {
            database.write(c -> {
                try (var update = c.prepareStatement("UPDATE incidents SET receipt_sealed = ? WHERE sequence = 1")) {
                    update.setBytes(1, new byte[] {1, 2, 3});
                    return update.executeUpdate();
                }
            });
        }
        web.start();
        web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));

        Browser.Response page = web.browser.get("/sync");

        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Signalements en attente d’envoi : 0"), page.body());
        assertEquals(2, count(page.body(), "class=\"kept-receipt\""), page.body());
        assertFalse(page.body().contains("Signalement n° 1 : reçu"), page.body());
        assertTrue(page.body().contains("Signalement n° 2 : reçu par l’agence en position 2 de son registre, le "),
                page.body());
    }

    @Test
    void aSyncWhileTheAgencyIsDownSaysSoAndLosesNothing() {
        web.setUp().enrol();
        web.browser.post("/incidents", WebFixture.incident("hors ligne"));
        web.agency.setDown(true);

        Browser.Response down = web.browser.post("/sync", Map.of());
        web.agency.setDown(false);
        Browser.Response up = web.browser.post("/sync", Map.of());

        String failed = between(down.body(), "<section id=\"sync-result\"", "</section>");
        assertTrue(failed.contains("<p class=\"error\" role=\"alert\">Le serveur de l’agence ne répond pas ; la"
                + " synchronisation s’est arrêtée."), failed);
        assertEquals(0, count(failed, "class=\"receipt"));
        assertEquals(1, count(between(up.body(), "<section id=\"sync-result\"", "</section>"), "class=\"receipt new\""));
    }

    @Test
    void aForgedReceiptIsShownAsAnErrorAndTheReportStaysUnacknowledged() {
        web.setUp().enrol();
        web.browser.post("/incidents", WebFixture.incident("reçu"));
        web.agency.signReceiptsWith(be.carnet.protocol.sign.Ed25519KeyPair.generate());

        Browser.Response synced = web.browser.post("/sync", Map.of());

        String result = between(synced.body(), "<section id=\"sync-result\"", "</section>");
        assertTrue(result.contains("Signalement n° 1 : l’accusé de réception n’est pas authentique et a été refusé."),
                result);
        assertTrue(web.browser.get("/incidents").body().contains("<td class=\"state state-sent\" data-label=\"État\">"));
    }

    @Test
    void thePanicWipeAsksForTheWordThenErasesEverything() throws Exception {
        web.setUp().enrol();
        web.browser.post("/incidents", WebFixture.incident("à effacer"));
        Browser.Response page = web.browser.get("/wipe");

        Browser.Response wrongWord = web.browser.post("/wipe", Map.of("confirm", "effacé"));
        Browser.Response wiped = web.browser.post("/wipe", Map.of("confirm", "effacer"));
        Browser.Response setup = web.browser.get("/setup");

        assertTrue(page.body().contains("<strong class=\"wipe-word\" id=\"wipe-word\">EFFACER</strong>"));
        assertEquals(400, wrongWord.status());
        assertEquals("/setup", wiped.location());
        assertTrue(setup.body().contains("Tout a été effacé."), setup.body());
        assertTrue(setup.body().contains("id=\"setup-submit\""));
        assertFalse(Files.exists(dir.resolve("vault.key")));
        web.setUp();
        assertFalse(web.browser.get("/incidents").body().contains("class=\"incident\""));
        assertFalse(web.browser.get("/enrol").body().contains("enrolment-status"));
    }

    @Test
    void theStylesheetIsServedAsCssWithoutASession() {
        Browser.Response css = new Browser(web.app.port()).get("/static/carnet.css");

        assertEquals(200, css.status());
        assertEquals("text/css; charset=utf-8", css.header("Content-Type"));
    }

    @Test
    void everyIncidentFormErrorNamesTheFieldAndTheRuleAndNothingIsStored() {
        web.setUp().enrol();
        Map<String, String> form = new LinkedHashMap<>(WebFixture.incident("<script>alert('x')</script>"));
        form.put("place", "p".repeat(201));
        form.put("occurredAt", "2026-02-30T10:00");

        Browser.Response response = web.browser.post("/incidents", form);

        assertEquals(400, response.status());
        assertTrue(response.body().contains("<p class=\"error\" role=\"alert\" id=\"error-occurredAt\">Le champ « Date et"
                + " heure » : doit être une date et une heure réelles, par exemple 2026-03-14 09:30</p>"), response.body());
        assertTrue(response.body().contains("<p class=\"error\" role=\"alert\" id=\"error-place\">Le champ « Lieu » :"
                + " doit compter au plus 200 caractères</p>"));
        assertTrue(response.body().contains(">&lt;script&gt;alert('x')&lt;/script&gt;</textarea>"),
                response.body());
        assertFalse(response.body().contains("<script>"));
        assertFalse(web.browser.get("/incidents").body().contains("class=\"incident\""));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            throw new AssertionError("no " + start + " in " + text);
        }
        return text.substring(from, text.indexOf(end, from) + end.length());
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
