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
