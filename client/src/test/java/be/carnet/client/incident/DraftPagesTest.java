package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.web.Browser;
import be.carnet.client.web.WebFixture;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Report;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick log, drafts, attachments, entry pages, addenda and trip devices through the real server. */
class DraftPagesTest {

    private static final Pattern DRAFT_LINK = Pattern.compile("href=\"(/drafts/[0-9a-f-]{36})\"");
    private static final Pattern ENTRY_LINK = Pattern.compile("href=\"(/incidents/[0-9a-f-]{36})\"");

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir).setUp();
        web.enrol();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private String quickLog(String line, String back) {
        Browser.Response response = web.browser.post("/incidents/quick",
                Map.of("category", "T02", "severity", "S2", "line", line, "back", back));
        assertEquals(303, response.status());
        assertEquals(back, response.location());
        Matcher m = DRAFT_LINK.matcher(web.browser.get("/incidents").body());
        assertTrue(m.find(), "the draft is listed");
        return m.group(1);
    }

    @Test
    void theQuickLogIsOnEveryUnlockedPageAndReturnsWhereTheTravellerWas() {
        for (String page : new String[] {"/", "/incidents", "/sync", "/contacts", "/briefings-nope", "/devices"}) {
            Browser.Response response = web.browser.get(page);
            if (response.status() == 200) {
                assertTrue(response.body().contains("<form method=\"post\" action=\"/incidents/quick\" class=\"quick-log\""),
                        page);
            }
        }
        Browser.Response logged = web.browser.post("/incidents/quick",
                Map.of("category", "T02", "severity", "S2", "line", "Quelqu'un a touché la valise", "back", "/sync"));

        assertEquals("/sync", logged.location());
        Browser.Response back = web.browser.get("/sync");
        assertTrue(back.body().contains("C’est noté, comme brouillon chiffré."), back.body());
        Matcher link = DRAFT_LINK.matcher(web.browser.get("/incidents").body());
        assertTrue(link.find());
        Browser.Response form = web.browser.get(link.group(1));
        assertTrue(form.body().contains(">Quelqu&#39;un a touché la valise</textarea>")
                || form.body().contains(">Quelqu'un a touché la valise</textarea>"), form.body());
        assertTrue(form.body().contains("<option value=\"T02\" selected>"), form.body());
    }

    @Test
    void aDraftIsCompletedGivenAFileMarkedReadyAndThenNeverChanges() {
        web.browser.post("/devices", Map.of("deviceName", "Portable de mission"));
        String draft = quickLog("Valise déplacée", "/");
        Map<String, String> form = new LinkedHashMap<>(WebFixture.incident("Valise déplacée pendant le dîner"));
        form.putAll(Map.of("category", "T02", "device", "Portable de mission", "outOfSightHours", "1",
                "outOfSightMinutes", "30", "ongoing", "on", "actionsTaken", "Appareil éteint", "action", "save"));
        assertEquals(303, web.browser.post(draft, form).status());

        byte[] photo = "<svg onload=alert(1)>".getBytes(UTF_8);
        Browser.Response attached = web.browser.postFile(draft + "/attachments", Map.of(), "file",
                "C:\\Users\\moi\\valise<1>.svg", "image/svg+xml; charset=utf-8", photo);
        assertEquals(303, attached.status());
        String page = web.browser.get(draft).body();
        assertTrue(page.contains("<bdi class=\"name\">valise&lt;1&gt;.svg</bdi> — image/svg+xml"), page);
        assertFalse(page.contains("<svg onload"));

        form.put("action", "ready");
        Browser.Response ready = web.browser.post(draft, form);
        assertEquals(303, ready.status());
        String entryPage = web.browser.get(ready.location()).body();
        assertTrue(entryPage.contains("Cette entrée est signée et ne peut plus changer."), entryPage);
        assertTrue(entryPage.contains("1 h 30"), entryPage);
        assertTrue(entryPage.contains("Portable de mission"), entryPage);
        assertTrue(entryPage.contains("SHA-256 <code>" + new Attachment("x", "image/svg+xml", photo).sha256()), entryPage);
        assertEquals(404, web.browser.get(draft).status());
        assertEquals(404, web.browser.post(draft, form).status());

        String reportId = ready.location().substring("/incidents/".length());
        web.browser.post("/sync", Map.of());
        Report sent = web.agency.received(reportId);
        assertEquals(reportId, sent.reportId());
        assertEquals(photo.length, sent.incident().attachments().get(0).size());
        assertEquals("valise<1>.svg", sent.incident().attachments().get(0).name());
        assertEquals("image/svg+xml", sent.incident().attachments().get(0).mediaType());
        assertEquals("Valise déplacée pendant le dîner", sent.incident().description());
        assertEquals(90, sent.incident().outOfSightMinutes());
        assertTrue(sent.incident().ongoing());
    }

    @Test
    void anOversizedFileOrNoFileIsRefusedClearlyAndNothingIsAttached() {
        String draft = quickLog("Capture", "/");

        Browser.Response big = web.browser.postFile(draft + "/attachments", Map.of(), "file", "big.bin",
                "application/octet-stream", new byte[Attachment.MAX_BYTES + 1]);
        String afterBig = web.browser.get(big.location()).body();
        Browser.Response none = web.browser.postFile(draft + "/attachments", Map.of(), "file", "",
                "application/octet-stream", new byte[0]);
        String afterNone = web.browser.get(none.location()).body();

        assertTrue(afterBig.contains("Pièce jointe : le fichier dépasse 5 Mo. Rien n’a été joint."), afterBig);
        assertTrue(afterNone.contains("Pièce jointe : choisissez d’abord un fichier."), afterNone);
        assertTrue(afterNone.contains("Aucune pièce jointe."), afterNone);
    }

    @Test
    void aPhoneSizedPhotoOverTheLimitGetsAClearPageNotAnError() {
        String draft = quickLog("Grande photo", "/");

        Browser.Response big = web.browser.postFile(draft + "/attachments", Map.of(), "file", "photo.jpg",
                "image/jpeg", new byte[8 * 1024 * 1024]);

        assertEquals(413, big.status());
        assertTrue(big.body().contains("Pièce jointe : le fichier dépasse 5 Mo, la limite de Carnet. Rien n’a été joint."),
                big.body());
        assertTrue(web.browser.get(draft).body().contains("Aucune pièce jointe."));
    }

    @Test
    void theOversizedFilePageLeadsBackToTheDraft() {
        String draft = quickLog("Photo trop grande", "/");

        Browser.Response big = web.browser.postFile(draft + "/attachments", Map.of(), "file", "photo.jpg",
                "image/jpeg", new byte[8 * 1024 * 1024]);

        assertEquals(413, big.status());
        assertTrue(big.body().contains("<a href=\"" + draft + "\" id=\"back-to-draft\">Retour au brouillon</a>"),
                big.body());
    }

    @Test
    void theJournalSaysNothingIsReadyYetWhenOnlyDraftsExist() {
        quickLog("Premier", "/");
        quickLog("Second", "/");

        String list = web.browser.get("/incidents").body();

        assertTrue(list.contains("Brouillons (2)"), list);
        assertFalse(list.contains("Aucun incident noté pour l’instant."), list);
        assertTrue(list.contains("<p class=\"empty\">Aucun incident prêt pour l’instant : les 2 brouillons ci-dessus "
                + "n’entrent dans le journal qu’une fois marqués « prêts ».</p>"), list);
    }

    @Test
    void theSyncPageSaysHowManyDraftsStayOnTheLaptop() {
        quickLog("Premier", "/");
        quickLog("Second", "/");
        quickLog("Troisième", "/");

        String sync = web.browser.get("/sync").body();

        assertTrue(sync.contains("<p id=\"sync-drafts\">3 brouillons ne sont pas envoyés : complétez-les et marquez-les "
                + "« prêts » pour qu’ils partent.</p>"), sync);
    }

    @Test
    void theSyncPageSaysNothingAboutDraftsWhenThereAreNone() {
        String sync = web.browser.get("/sync").body();

        assertFalse(sync.contains("sync-drafts"), sync);
    }

    @Test
    void markingADraftReadyTwiceIsNotFoundTheSecondTime() {
        String draft = quickLog("Double clic", "/");
        Map<String, String> form = new LinkedHashMap<>(WebFixture.incident("Double clic"));
        form.put("action", "ready");

        assertEquals(303, web.browser.post(draft, form).status());
        assertEquals(404, web.browser.post(draft, form).status());
        assertEquals(404, web.browser.postFile(draft + "/attachments", Map.of(), "file", "a.txt", "text/plain",
                "x".getBytes(UTF_8)).status());
        assertEquals(1, web.browser.get("/incidents").body().split("class=\"incident\"", -1).length - 1);
    }

    @Test
    void aPageShownAfterARefusedQuickLogSendsTheNextOneToTheFullForm() {
        Browser.Response refused = web.browser.post("/incidents/quick", Map.of("category", "", "severity", "S1",
                "line", "x", "back", "/"));

        assertEquals(400, refused.status());
        // The refused POST has no GET address of its own; the form it shows lives at /incidents/new, where a
        // language switch (with the kept form's token) shows it again.
        assertTrue(refused.body().contains("<input type=\"hidden\" name=\"back\" value=\"/incidents/new\">"),
                refused.body());
        assertTrue(refused.body().contains("<input type=\"hidden\" name=\"keep\" value=\""), refused.body());
    }

    @Test
    void aFileUploadWithoutTheCsrfTokenIsRefused() {
        String draft = quickLog("Capture", "/");

        Browser.Response refused = web.browser.postFile(draft + "/attachments", Map.of("csrf", "wrong"), "file", "a.txt",
                "text/plain", "x".getBytes(UTF_8));

        assertEquals(403, refused.status());
        assertTrue(web.browser.get(draft).body().contains("Aucune pièce jointe."));
    }

    @Test
    void anAddendumIsADraftThatLinksBothWays() {
        web.browser.post("/incidents", WebFixture.incident("Version d'origine"));
        Matcher entry = ENTRY_LINK.matcher(web.browser.get("/incidents").body());
        assertTrue(entry.find());
        String original = entry.group(1);

        Browser.Response started = web.browser.post(original + "/addendum", Map.of());
        String draft = started.location();
        assertTrue(web.browser.get(draft).body().contains("Correction d’un incident"));
        Map<String, String> form = new LinkedHashMap<>(WebFixture.incident("En fait c'était le 4 décembre."));
        form.put("action", "ready");
        String addendum = web.browser.post(draft, form).location();

        String addendumPage = web.browser.get(addendum).body();
        String originalPage = web.browser.get(original).body();
        assertTrue(addendumPage.contains("Corrige : <a href=\"" + original + "\">"), addendumPage);
        assertTrue(originalPage.contains("<a href=\"" + addendum + "\">"), originalPage);
        assertTrue(originalPage.contains("Version d&#39;origine") || originalPage.contains("Version d'origine"));
    }

    @Test
    void unknownAddressesAreNotFound() {
        assertEquals(404, web.browser.get("/drafts/00000000-0000-4000-8000-000000000000").status());
        assertEquals(404, web.browser.get("/incidents/00000000-0000-4000-8000-000000000000").status());
        assertEquals(404, web.browser.get("/incidents/..%2F..%2Fetc").status());
        assertEquals(404, web.browser.post("/incidents/00000000-0000-4000-8000-000000000000/addendum", Map.of()).status());
    }

    @Test
    void tripDevicesAreAddedCheckedAndRemoved() {
        Browser.Response added = web.browser.post("/devices", Map.of("deviceName", "  Téléphone de voyage "));
        Browser.Response twice = web.browser.post("/devices", Map.of("deviceName", "Téléphone de voyage"));
        Browser.Response script = web.browser.post("/devices", Map.of("deviceName", "<b>x</b>\u0007"));

        assertEquals(303, added.status());
        assertEquals(400, twice.status());
        assertTrue(twice.body().contains("Le champ « Nom de l’appareil » : figure déjà dans la liste"), twice.body());
        assertEquals(400, script.status());
        assertTrue(script.body().contains("value=\"&lt;b>x&lt;/b>"), script.body());
        assertTrue(web.browser.get("/incidents/new").body().contains("<option value=\"Téléphone de voyage\">"));
        web.browser.post("/devices/remove", Map.of("deviceName", "Téléphone de voyage"));
        assertFalse(web.browser.get("/incidents/new").body().contains("<option value=\"Téléphone de voyage\">"));
    }
}
