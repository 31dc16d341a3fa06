package be.carnet.client.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A form sent after the idle lock fired (issue 8, item 2a): kept sealed in memory, shown again after the
 * unlock on the page it came from, never saved or re-sent on its own; bound to its session; forgotten by the
 * duress passphrase; destructive actions are only named, never replayed; never written to disk.
 */
class LockedFormTest {

    private static final String TYPED = "Un homme a photographié mon badge au petit-déjeuner";
    private static final Duration PAST_THE_LOCK = Duration.ofMinutes(11);

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir).setUp();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void anIncidentSentAfterTheLockComesBackAfterTheUnlockNotSaved() {
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);

        Browser.Response sent = web.browser.post("/incidents", withToken(WebFixture.incident(TYPED), csrf));
        Browser.Response unlockPage = web.browser.get("/unlock");
        Browser.Response unlocked = web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response form = web.browser.get(unlocked.location());
        Browser.Response again = web.browser.get("/incidents/new");

        assertEquals(303, sent.status());
        assertEquals("/unlock", sent.location());
        assertTrue(unlockPage.body().contains("ce que vous venez d’envoyer est gardé, chiffré en mémoire"), unlockPage.body());
        assertFalse(unlockPage.body().contains(TYPED));
        assertEquals("/incidents/new", unlocked.location());
        assertTrue(form.body().contains(">" + TYPED + "</textarea>"), form.body());
        assertTrue(form.body().contains("value=\"Hôtel Lotus, Shanghai\""), form.body());
        assertTrue(form.body().contains("<option value=\"T04\" selected>"), form.body());
        assertTrue(form.body().contains("Votre texte a été gardé et se trouve ci-dessous ; il n’est pas encore enregistré."),
                form.body());
        assertFalse(web.browser.get("/incidents").body().contains(TYPED), "restored, not saved");
        assertFalse(again.body().contains(TYPED), "shown once");
    }

    @Test
    void aQuickLogSentAfterTheLockComesBackInTheFullForm() {
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);

        web.browser.post("/incidents/quick", Map.of("csrf", csrf, "category", "T02", "severity", "S2",
                "line", "Valise déplacée", "back", "/sync"));
        Browser.Response unlocked = web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response form = web.browser.get("/incidents/new");

        assertEquals("/incidents/new", unlocked.location());
        assertTrue(form.body().contains(">Valise déplacée</textarea>"), form.body());
        assertTrue(form.body().contains("<option value=\"T02\" selected>"), form.body());
        assertFalse(web.browser.get("/incidents").body().contains("Valise déplacée"), "no draft was made");
    }

    @Test
    void aDraftEditSentAfterTheLockComesBackOnTheDraftPage() {
        String draft = web.browser.post("/incidents", withAction(WebFixture.incident("Première version"), "draft"))
                .location();
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);

        web.browser.post(draft, withToken(WebFixture.incident(TYPED), csrf));
        Browser.Response unlocked = web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response page = web.browser.get(draft);
        Browser.Response stored = web.browser.get(draft);

        assertEquals(draft, unlocked.location());
        assertTrue(page.body().contains(">" + TYPED + "</textarea>"), page.body());
        assertTrue(stored.body().contains(">Première version</textarea>"), "the draft itself is unchanged");
    }

    @Test
    void anUploadSentAfterTheLockKeepsTheTextButNotTheFile() {
        String draft = web.browser.post("/incidents", withAction(WebFixture.incident("Première version"), "draft"))
                .location();
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);

        Browser.Response sent = web.browser.postFile(draft + "/attachments", withToken(WebFixture.incident(TYPED), csrf),
                "file", "badge.jpg", "image/jpeg", "photo".getBytes(UTF_8));
        Browser.Response unlocked = web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response page = web.browser.get(draft);

        assertEquals("/unlock", sent.location());
        assertEquals(draft, unlocked.location());
        assertTrue(page.body().contains(">" + TYPED + "</textarea>"), page.body());
        assertTrue(page.body().contains("Le fichier choisi, lui, n’a pas été gardé : choisissez-le à nouveau"), page.body());
        assertTrue(page.body().contains("Aucune pièce jointe."), page.body());
    }

    @Test
    void aDestructiveActionSentAfterTheLockIsNamedNeverReplayed() {
        String draft = web.browser.post("/incidents", withAction(WebFixture.incident(TYPED), "draft")).location();
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);

        web.browser.post(draft + "/delete", Map.of("csrf", csrf));
        Browser.Response unlocked = web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response page = web.browser.get(draft);

        assertEquals(draft, unlocked.location());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Carnet s’était verrouillé avant votre dernière action : elle n’a pas été faite."),
                page.body());
        assertTrue(page.body().contains(">" + TYPED + "</textarea>"), "the draft is still there");
    }

    @Test
    void aPassphraseSentAfterTheLockIsNeverKept() {
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);

        web.browser.post("/settings/passphrase", Map.of("csrf", csrf, "currentPassphrase", WebFixture.PASSPHRASE,
                "newPassphrase", "une toute nouvelle phrase", "confirmPassphrase", "une toute nouvelle phrase"));
        Browser.Response unlocked = web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response page = web.browser.get("/settings");

        assertEquals("/settings", unlocked.location());
        assertTrue(page.body().contains("elle n’a pas été faite"), page.body());
        assertFalse(page.body().contains("une toute nouvelle phrase"));
    }

    @Test
    void aKeptFormBelongsToItsSessionOnly() {
        Browser other = new Browser(web.app.port());
        other.launch(web.app.launchUrl());
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);

        web.browser.post("/incidents", withToken(WebFixture.incident(TYPED), csrf));
        Browser.Response unlockedElsewhere = other.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response elsewhere = other.get("/incidents/new");
        Browser.Response own = web.browser.get("/incidents/new");

        assertEquals("/", unlockedElsewhere.location());
        assertFalse(elsewhere.body().contains(TYPED), elsewhere.body());
        assertTrue(own.body().contains(">" + TYPED + "</textarea>"), own.body());
    }

    @Test
    void theDuressPassphraseForgetsTheKeptForm() {
        String duress = "une autre phrase de passe";
        web.browser.post("/settings/duress", Map.of("currentPassphrase", WebFixture.PASSPHRASE,
                "duressPassphrase", duress, "confirmDuress", duress));
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);

        web.browser.post("/incidents", withToken(WebFixture.incident(TYPED), csrf));
        Browser.Response unlocked = web.browser.post("/unlock", Map.of("passphrase", duress));
        Browser.Response form = web.browser.get("/incidents/new");

        assertEquals("/", unlocked.location());
        assertFalse(form.body().contains(TYPED), form.body());
    }

    @Test
    void aFormKeptBeforeAnotherLockIsForgotten() {
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);
        web.browser.post("/incidents", withToken(WebFixture.incident(TYPED), csrf));
        web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));

        web.browser.post("/lock", Map.of());
        web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
        Browser.Response form = web.browser.get("/incidents/new");

        assertFalse(form.body().contains(TYPED), form.body());
    }

    @Test
    void theKeptFormIsNeverWrittenToDisk() throws IOException {
        String marker = "repère-unique-" + System.nanoTime();
        String csrf = web.browser.csrf();
        web.clock.advance(PAST_THE_LOCK);

        web.browser.post("/incidents", withToken(WebFixture.incident(marker), csrf));

        byte[] needle = marker.getBytes(UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(contains(Files.readAllBytes(file), needle), file.toString());
            }
        }
    }

    private static Map<String, String> withToken(Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf);
        return all;
    }

    private static Map<String, String> withAction(Map<String, String> fields, String action) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("action", action);
        return all;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
