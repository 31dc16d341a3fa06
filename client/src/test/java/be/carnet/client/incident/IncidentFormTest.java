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
                        + " caractères de contrôle ou d’inversion de sens du texte"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("hostileForms")
    void refusesTheFormNamingTheFieldAndTheRuleAndStoresNothing(String field, String value, String message) {
        Map<String, String> form = new LinkedHashMap<>(WebFixture.incident(SCRIPT));
        form.put(field, value);

        Browser.Response response = web.browser.post("/incidents", form);

        assertEquals(400, response.status());
        assertTrue(response.body().contains("<p class=\"error\" role=\"alert\" id=\"error-" + field + "\">" + escaped(message)
                + "</p>"), response.body());
        assertFalse(response.body().contains(SCRIPT), "a script payload must be shown as text");
        assertFalse(web.browser.get("/incidents").body().contains("class=\"incident\""));
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
