package be.carnet.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CataloguesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    static Stream<String> areas() {
        return Messages.AREAS.stream();
    }

    @ParameterizedTest
    @MethodSource("areas")
    void everyAreaHasTheSameKeysInFrenchDutchAndEnglish(String area) {
        Set<String> french = Messages.area(area, Language.FR).keySet();

        assertFalse(french.isEmpty(), area + " has no French catalogue");
        for (Language language : Language.values()) {
            Set<String> keys = Messages.area(area, language).keySet();
            assertEquals(difference(french, keys), Set.of(), area + ": keys missing in " + language.code());
            assertEquals(difference(keys, french), Set.of(), area + ": keys only in " + language.code());
        }
    }

    @ParameterizedTest
    @MethodSource("areas")
    void placeholdersAreTheSameInEveryLanguage(String area) {
        Map<String, String> french = Messages.area(area, Language.FR);

        for (Language language : Language.values()) {
            Map<String, String> other = Messages.area(area, language);
            for (String key : french.keySet()) {
                if (other.containsKey(key)) {
                    assertEquals(placeholders(french.get(key)), placeholders(other.get(key)),
                            area + ": placeholders of " + key + " differ in " + language.code());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("areas")
    void noMessageIsBlank(String area) {
        for (Language language : Language.values()) {
            Messages.area(area, language).forEach((key, value) ->
                    assertFalse(value.isBlank(), area + ": " + key + " is blank in " + language.code()));
        }
    }

    @Test
    void loadsAllAreasWithoutDuplicateKeys() {
        Messages messages = Messages.load();

        assertTrue(messages.keys(Language.NL).contains("app.name"));
        assertEquals(messages.keys(Language.FR), messages.keys(Language.NL));
    }

    @Test
    void fillsPlaceholdersLiterallyWithoutMessageFormatQuoting() {
        Translator french = Messages.load().in(Language.FR);

        assertEquals("Le champ « lieu » : trop long", french.t("error.field", "lieu", "trop long"));
    }

    @Test
    void aMissingKeyFailsLoudlyInsteadOfRenderingNull() {
        Translator dutch = Messages.load().in(Language.NL);

        MissingMessageException e = assertThrows(MissingMessageException.class, () -> dutch.t("no.such.key"));
        assertEquals("message no.such.key is missing from the nl catalogue", e.getMessage());
    }

    @Test
    void picksTheFirstSupportedLanguageFromTheBrowser() {
        assertEquals(Language.NL, Language.fromAcceptLanguage("de-DE,nl-BE;q=0.8,fr;q=0.5"));
        assertEquals(Language.FR, Language.fromAcceptLanguage("de-DE"));
        assertEquals(Language.FR, Language.fromAcceptLanguage(null));
    }

    private static final Pattern BRACKETED_PLURAL = Pattern.compile("\\((s|en|e|es|x|n|ies)\\)");

    @ParameterizedTest
    @MethodSource("areas")
    void noMessageWritesItsPluralAsABracketedEnding(String area) {
        for (Language language : Language.values()) {
            Messages.area(area, language).forEach((key, value) ->
                    assertFalse(BRACKETED_PLURAL.matcher(value).find(),
                            area + ": " + key + " in " + language.code() + " uses a bracketed plural: " + value));
        }
    }

    @ParameterizedTest
    @MethodSource("areas")
    void everyPluralMessageHasBothFormsAndNoPlainKey(String area) {
        for (Language language : Language.values()) {
            Map<String, String> entries = Messages.area(area, language);
            for (String key : entries.keySet()) {
                if (key.endsWith(".one") || key.endsWith(".other")) {
                    String base = key.substring(0, key.lastIndexOf('.'));
                    assertTrue(entries.containsKey(base + ".one") && entries.containsKey(base + ".other"),
                            area + ": " + base + " lacks a plural form in " + language.code());
                    assertFalse(entries.containsKey(base), area + ": " + base + " is both plain and plural");
                }
            }
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "FR, 0, 0 / 17 fait", "FR, 1, 1 / 17 fait", "FR, 2, 2 / 17 faits",
        "NL, 0, 0 / 17 gedaan", "NL, 1, 1 / 17 gedaan", "NL, 2, 2 / 17 gedaan",
        "EN, 0, 0 / 17 done", "EN, 1, 1 / 17 done", "EN, 2, 2 / 17 done",
    })
    void aCountPicksThePluralFormOfItsLanguage(Language language, int done, String expected) {
        Translator translator = Messages.load().in(language);

        assertEquals(expected, translator.t("client.checklist.progress", done, 17));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "FR, 0, Le formulaire contient 0 erreur ; rien n’a été enregistré.",
        "FR, 1, Le formulaire contient 1 erreur ; rien n’a été enregistré.",
        "FR, 3, Le formulaire contient 3 erreurs ; rien n’a été enregistré.",
        "NL, 1, Het formulier bevat 1 fout; er is niets bewaard.",
        "NL, 3, Het formulier bevat 3 fouten; er is niets bewaard.",
        "EN, 1, 'The form has 1 error; nothing was saved.'",
        "EN, 0, 'The form has 0 errors; nothing was saved.'",
    })
    void formErrorsAreCountedInRealPlurals(Language language, int count, String expected) {
        assertEquals(expected, Messages.load().in(language).t("client.form.errors.title", count));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Language.class)
    void theAttachmentLinksAccessibleNameContainsItsVisibleText(Language language) {
        Translator translator = Messages.load().in(language);

        String visible = translator.t("report.attachment.save");
        String accessible = translator.t("report.attachment.saveNamed", "photo.jpg");

        assertTrue(accessible.contains(visible), language.code() + ": “" + accessible + "” lacks “" + visible + "”");
        assertTrue(accessible.contains("photo.jpg"), accessible);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Language.class)
    void theLaunchMessagesSendToTheOneTimeLinkNotToAnIconTheAppDoesNotHave(Language language) {
        Translator translator = Messages.load().in(language);

        for (String key : new String[] {"client.launch.required", "client.launch.invalid"}) {
            String message = translator.t(key).toLowerCase(java.util.Locale.ROOT);
            assertFalse(message.contains("icon") || message.contains("icône") || message.contains("pictogram"),
                    language.code() + " " + key + ": " + message);
        }
        assertTrue(translator.t("client.launch.required").contains(
                Map.of(Language.FR, "lien à usage unique", Language.NL, "eenmalige link", Language.EN, "one-time link")
                        .get(language)));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static Set<String> placeholders(String message) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
