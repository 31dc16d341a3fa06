package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.web.Browser;
import be.carnet.client.web.WebFixture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed edits that must survive (issue 8, item 2): attaching a file carries the draft's unsaved fields
 * (item 2c), and switching language on a refused form keeps the form and shows its errors in the new
 * language (item 2d).
 */
class KeptEditsTest {

    private static final Pattern KEEP = Pattern.compile("name=\"keep\" value=\"([^\"]+)\"");
    private static final Pattern BACK = Pattern.compile("name=\"back\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private WebFixture web;
    private String draft;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir).setUp();
        draft = web.browser.post("/incidents", with(WebFixture.incident("Première version"), "action", "draft"))
                .location();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theDraftPageAttachesWithTheSameFormAsItsFields() {
        String page = web.browser.get(draft).body();

        int form = page.indexOf("<form method=\"post\" action=\"" + draft + "\" class=\"form\" id=\"incident-form\">");
        int attach = page.indexOf("id=\"attach-submit\" formaction=\"" + draft + "/attachments\"");
        int file = page.indexOf("<input type=\"file\" id=\"file\" name=\"file\"");
        int end = page.indexOf("</form>", form);

        assertTrue(form >= 0 && attach > form && file > form && attach < end && file < end, page);
        assertTrue(page.contains("formenctype=\"multipart/form-data\" formnovalidate"), page);
    }

    @Test
    void attachingAFileSavesTheUnsavedEditsWithIt() {
        Map<String, String> edited = WebFixture.incident("Deuxième version, tapée avant de joindre");

        Browser.Response attached = web.browser.postFile(draft + "/attachments", edited, "file", "badge.jpg",
                "image/jpeg", "photo".getBytes(UTF_8));
        Browser.Response page = web.browser.get(draft);

        assertEquals(303, attached.status());
        assertEquals(draft, attached.location());
        assertTrue(page.body().contains(">Deuxième version, tapée avant de joindre</textarea>"), page.body());
        assertTrue(page.body().contains("badge.jpg"), page.body());
        assertTrue(page.body().contains("Fichier joint et chiffré ; le brouillon est enregistré."), page.body());
    }

    @Test
    void aRefusedFileGivesTheTypedEditsBackAndChangesNothing() {
        Map<String, String> edited = WebFixture.incident("Deuxième version, tapée avant de joindre");

        Browser.Response refused = web.browser.postFile(draft + "/attachments", edited, "file", "", "image/jpeg",
                new byte[0]);
        Browser.Response stored = web.browser.get(draft);

        assertEquals(400, refused.status());
        assertTrue(refused.body().contains(">Deuxième version, tapée avant de joindre</textarea>"), refused.body());
        assertTrue(refused.body().contains("Pièce jointe : choisissez d’abord un fichier."), refused.body());
        assertTrue(stored.body().contains(">Première version</textarea>"), stored.body());
    }

    @Test
    void refusedFieldsAttachNothingAndComeBackAsTyped() {
        Map<String, String> edited = with(WebFixture.incident(""), "place", "Gare de Shanghai");

        Browser.Response refused = web.browser.postFile(draft + "/attachments", edited, "file", "badge.jpg",
                "image/jpeg", "photo".getBytes(UTF_8));
        Browser.Response stored = web.browser.get(draft);

        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("value=\"Gare de Shanghai\""), refused.body());
        assertTrue(refused.body().contains("id=\"error-description\""), refused.body());
        assertTrue(refused.body().contains("rien n’a été joint ni enregistré"), refused.body());
        assertTrue(stored.body().contains("Aucune pièce jointe."), stored.body());
        assertTrue(stored.body().contains("value=\"Hôtel Lotus, Shanghai\""), stored.body());
    }

    @Test
    void removingAFileSavesTheUnsavedEditsWithIt() {
        web.browser.postFile(draft + "/attachments", Map.of(), "file", "badge.jpg", "image/jpeg",
                "photo".getBytes(UTF_8));
        String page = web.browser.get(draft).body();

        Browser.Response removed = web.browser.post(draft + "/attachments/0/remove",
                WebFixture.incident("Deuxième version, tapée avant de retirer"));
        Browser.Response after = web.browser.get(draft);

        assertTrue(page.contains("formaction=\"" + draft + "/attachments/0/remove\" formnovalidate"), page);
        assertEquals(303, removed.status());
        assertTrue(after.body().contains(">Deuxième version, tapée avant de retirer</textarea>"), after.body());
        assertTrue(after.body().contains("Aucune pièce jointe."), after.body());
    }

    @Test
    void switchingLanguageOnARefusedFormKeepsItAndTranslatesItsErrors() {
        Browser.Response refused = web.browser.post("/incidents",
                with(WebFixture.incident(""), "place", "Gare de Shanghai"));
        Matcher keep = KEEP.matcher(refused.body());
        Matcher back = BACK.matcher(refused.body());
        assertTrue(keep.find() && back.find(), refused.body());

        Browser.Response switched = web.browser.post("/language",
                Map.of("lang", "nl", "back", back.group(1), "keep", keep.group(1)));
        Browser.Response page = web.browser.get(switched.location());
        Browser.Response again = web.browser.get("/incidents/new");

        assertEquals(400, refused.status());
        assertEquals("/incidents/new", back.group(1));
        assertEquals("/incidents/new", switched.location());
        assertTrue(page.body().contains("<html lang=\"nl\">"), page.body());
        assertTrue(page.body().contains("value=\"Gare de Shanghai\""), page.body());
        assertTrue(page.body().contains("id=\"error-description\""), page.body());
        assertTrue(page.body().contains("mag niet leeg zijn"), page.body());
        assertFalse(again.body().contains("Gare de Shanghai"), "shown once");
    }

    @Test
    void switchingLanguageOnARefusedDraftKeepsItOnTheDraftPage() {
        Browser.Response refused = web.browser.post(draft, with(WebFixture.incident(""), "place", "Gare de Pékin"));
        Matcher keep = KEEP.matcher(refused.body());
        assertTrue(keep.find(), refused.body());

        Browser.Response switched = web.browser.post("/language", Map.of("lang", "en", "back", draft,
                "keep", keep.group(1)));
        Browser.Response page = web.browser.get(draft);

        assertEquals(draft, switched.location());
        assertTrue(page.body().contains("value=\"Gare de Pékin\""), page.body());
        assertTrue(page.body().contains("id=\"error-description\""), page.body());
    }

    @Test
    void switchingLanguageOnARefusedDeviceNameKeepsItAndItsError() {
        web.browser.post("/devices", Map.of("deviceName", "Portable de mission"));
        Browser.Response refused = web.browser.post("/devices", Map.of("deviceName", "Portable de mission"));
        Matcher keep = KEEP.matcher(refused.body());
        assertTrue(keep.find(), refused.body());

        web.browser.post("/language", Map.of("lang", "en", "back", "/devices", "keep", keep.group(1)));
        Browser.Response page = web.browser.get("/devices");

        assertEquals(400, refused.status());
        assertTrue(page.body().contains("is already in the list"), page.body());
        assertTrue(page.body().contains("id=\"error-deviceName\""), page.body());
        assertTrue(page.body().contains("id=\"deviceName\"") && page.body().contains("value=\"Portable de mission\""),
                page.body());
    }

    @Test
    void switchingLanguageOnARefusedIdlePeriodKeepsItAndItsError() {
        Browser.Response refused = web.browser.post("/settings/idle-lock", Map.of("idleMinutes", "500"));
        Matcher keep = KEEP.matcher(refused.body());
        assertTrue(keep.find(), refused.body());

        web.browser.post("/language", Map.of("lang", "nl", "back", "/settings", "keep", keep.group(1)));
        Browser.Response page = web.browser.get("/settings");

        assertEquals(400, refused.status());
        assertTrue(page.body().contains("step=\"1\" value=\"500\""), page.body());
        assertTrue(page.body().contains("id=\"idle-error-idleMinutes\""), page.body());
        assertTrue(page.body().contains("<html lang=\"nl\">"), page.body());
    }

    @Test
    void aLaterLanguageSwitchWithoutTheTokenShowsNoOldForm() {
        Browser.Response refused = web.browser.post("/incidents",
                with(WebFixture.incident(""), "place", "Gare de Shanghai"));
        assertEquals(400, refused.status());
        web.browser.get("/incidents/new");

        Browser.Response switched = web.browser.post("/language", Map.of("lang", "nl", "back", "/incidents/new"));
        Browser.Response page = web.browser.get(switched.location());

        assertFalse(page.body().contains("Gare de Shanghai"), page.body());
        assertFalse(page.body().contains("id=\"error-description\""), page.body());
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(name, value);
        return all;
    }
}
