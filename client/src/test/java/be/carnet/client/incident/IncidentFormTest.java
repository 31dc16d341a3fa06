package be.carnet.client.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.web.Browser;
import be.carnet.client.web.WebFixture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile incident forms through the real server: one clear error per broken rule, in French, and nothing stored. */
class IncidentFormTest {

    private static final String SCRIPT = "<script>alert(document.cookie)</script>";

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

    static Stream<Arguments> hostileForms() {
        return Stream.of(
                Arguments.of("place", "p".repeat(201), "Le champ « Lieu » : doit compter au plus 200 caractères"),
                Arguments.of("description", "d".repeat(10_001),
                        "Le champ « Description » : doit compter au plus 10\u202f000 caractères"),
                Arguments.of("description", "", "Le champ « Description » : ne peut pas être vide"),
                Arguments.of("category", "T14",
                        "Le champ « Catégorie » : doit être l’une des valeurs proposées (T01–T13, T99)"),
                Arguments.of("category", SCRIPT,
                        "Le champ « Catégorie » : doit être l’une des valeurs proposées (T01–T13, T99)"),
                Arguments.of("severity", "S9",
                        "Le champ « Gravité » : doit être l’une des valeurs proposées (S0–S4)"),
                Arguments.of("tlp", "PURPLE", "Le champ « Diffusion (TLP) » : doit être l’une des valeurs proposées"
                        + " (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED)"),
                Arguments.of("occurredAt", "2026-02-30T10:00", "Le champ « Date et heure » : doit être une date et une"
                        + " heure réelles, par exemple 2026-03-14 09:30"),
                Arguments.of("occurredAt", SCRIPT, "Le champ « Date et heure » : doit être une date et une"
                        + " heure réelles, par exemple 2026-03-14 09:30"),
                Arguments.of("zone", "Europe/Atlantis", "Le champ « Fuseau horaire » : doit être un fuseau horaire de"
                        + " la liste"),
                Arguments.of("place", "Hôtel\u0007", "Le champ « Lieu » : ne peut pas contenir de caractères de"
                        + " contrôle ou d’inversion de sens du texte"),
                Arguments.of("description", "texte \u202Eexe.txt", "Le champ « Description » : ne peut pas contenir de"
                        + " caractères de contrôle ou d’inversion de sens du texte"),
                Arguments.of("occurredAt", "2026-13-01T10:00", "Le champ « Date et heure » : doit être une date et une"
                        + " heure réelles, par exemple 2026-03-14 09:30"),
                Arguments.of("actionsTaken", "a".repeat(5_001),
                        "Le champ « Ce que vous avez déjà fait » : doit compter au plus 5\u202f000 caractères"),
                Arguments.of("accounts", "compte\u0000", "Le champ « Comptes concernés » : ne peut pas contenir de"
                        + " caractères de contrôle ou d’inversion de sens du texte"),
                Arguments.of("device", "Téléphone inconnu",
                        "Le champ « Appareil de voyage concerné » : doit être un appareil de votre liste (ou « aucun »)"),
                Arguments.of("device", SCRIPT,
                        "Le champ « Appareil de voyage concerné » : doit être un appareil de votre liste (ou « aucun »)"),
                Arguments.of("ongoing", "peut-être", "Le champ « Cela continue encore » : doit être cochée ou non"),
                Arguments.of("outOfSight", "3", "Le champ « Temps hors de vue de l’appareil » : ne concerne que les"
                        + " catégories T02 (accès physique) et T03 (intrusion) ; videz ces cases ou changez de catégorie"),
                Arguments.of("outOfSight", "-1", "Le champ « Temps hors de vue de l’appareil » : doit être un nombre"
                        + " entier d’heures (0 à 720) et de minutes (0 à 59)"),
                Arguments.of("outOfSight", "99999", "Le champ « Temps hors de vue de l’appareil » : doit être un nombre"
                        + " entier d’heures (0 à 720) et de minutes (0 à 59)"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("hostileForms")
    void refusesTheFormNamingTheFieldAndTheRuleAndStoresNothing(String field, String value, String message) {
        Map<String, String> form = new LinkedHashMap<>(WebFixture.incident(SCRIPT));
        form.put(field.equals("outOfSight") ? "outOfSightHours" : field, value);

        Browser.Response response = web.browser.post("/incidents", form);

        assertEquals(400, response.status());
        assertTrue(response.body().contains("<p class=\"error\" role=\"alert\" id=\"error-" + field + "\">" + escaped(message)
                + "</p>"), response.body());
        assertFalse(response.body().contains(SCRIPT), "a script payload must be shown as text");
        assertFalse(web.browser.get("/incidents").body().contains("class=\"incident\""));
    }

    @ParameterizedTest(name = "quick log {0} = {1}")
    @MethodSource("hostileQuickLogs")
    void refusesABadQuickLogOnTheFullFormAndStoresNothing(String field, String value, String message) {
        Map<String, String> quick = new LinkedHashMap<>(Map.of("category", "T12", "severity", "S1", "line", "Faux SMS",
                "back", "/"));
        quick.put(field, value);

        Browser.Response response = web.browser.post("/incidents/quick", quick);

        assertEquals(400, response.status());
        assertTrue(response.body().contains(escaped(message)), response.body());
        assertFalse(response.body().contains(SCRIPT));
        assertFalse(web.browser.get("/incidents").body().contains("class=\"draft\""));
    }

    static Stream<Arguments> hostileQuickLogs() {
        return Stream.of(
                Arguments.of("category", "", "Le champ « Catégorie » : ne peut pas être vide"),
                Arguments.of("category", "T77", "Le champ « Catégorie » : doit être l’une des valeurs proposées (T01–T13, T99)"),
                Arguments.of("severity", "S5", "Le champ « Gravité » : doit être l’une des valeurs proposées (S0–S4)"),
                Arguments.of("line", "", "Le champ « Description » : ne peut pas être vide"),
                Arguments.of("line", "l".repeat(201), "Le champ « Description » : doit compter au plus 200 caractères"),
                Arguments.of("line", SCRIPT + "\u0008", "Le champ « Description » : ne peut pas contenir de caractères"
                        + " de contrôle ou d’inversion de sens du texte"));
    }

    @Test
    void aMissingOrWrongCsrfTokenStoresNothing() {
        Browser.Response missing = web.browser.postExactly("/incidents/quick",
                Map.of("category", "T12", "severity", "S1", "line", "x"), Map.of());
        Browser.Response wrong = web.browser.postExactly("/incidents",
                withCsrf(WebFixture.incident("x"), "not-the-token"), Map.of());

        assertEquals(403, missing.status());
        assertEquals(403, wrong.status());
        String list = web.browser.get("/incidents").body();
        assertFalse(list.contains("class=\"draft\""));
        assertFalse(list.contains("class=\"incident\""));
    }

    @Test
    void aWrongHostIsRefusedBeforeAnythingIsRead() {
        String response = web.browser.raw("POST /incidents/quick HTTP/1.1\r\nHost: evil.example\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 33\r\nConnection: close\r\n\r\n"
                + "category=T12&severity=S1&line=xxx");

        assertTrue(response.startsWith("HTTP/1.1 403"), response);
        assertFalse(web.browser.get("/incidents").body().contains("class=\"draft\""));
    }

    private static Map<String, String> withCsrf(Map<String, String> form, String token) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put("csrf", token);
        return copy;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
