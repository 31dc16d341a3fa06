package be.carnet.client.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.i18n.Language;
import be.carnet.protocol.briefing.Briefing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BriefingIndexTest {

    private static final String FR = briefing("devices", "fr", "Appareils et sécurité", """
            ## Réseaux

            Évitez le Wi-Fi de l’hôtel. Préférez vos données mobiles.

            ## Clés USB

            N’acceptez aucune clé usb offerte. Le wifi public non plus.

            ## L’ÉTÉ

            Rien à signaler.
            """);
    private static final String NL = briefing("devices", "nl", "Toestellen en veiligheid", """
            ## Netwerken

            Vermijd de wifi van het hotel.
            """);

    static Stream<Arguments> normalisation() {
        return Stream.of(
                Arguments.of("sécurité", "securite"),
                Arguments.of("Wi-Fi", "wifi"),
                Arguments.of("ÉTÉ", "ete"),
                Arguments.of("l’hôtel", "lhotel"),
                Arguments.of("L'Hôtel", "lhotel"),
                Arguments.of("USB", "usb"));
    }

    @ParameterizedTest
    @MethodSource("normalisation")
    void normalisesWithoutAccentsCaseHyphensOrApostrophes(String written, String normal) {
        assertEquals(normal, BriefingIndex.normalise(written));
    }

    static Stream<Arguments> queriesAndTheSectionsTheyFind() {
        return Stream.of(
                Arguments.of("securite", List.of("")),
                Arguments.of("wifi", List.of("section-1", "section-2")),
                Arguments.of("Wi-Fi", List.of("section-1", "section-2")),
                Arguments.of("hotel", List.of("section-1")),
                Arguments.of("ete", List.of("section-3")),
                Arguments.of("USB", List.of("section-2")),
                Arguments.of("cle", List.of("section-2")),
                Arguments.of("donn", List.of("section-1")),
                Arguments.of("wifi offerte", List.of("section-2")),
                Arguments.of("wifi absent", List.of()),
                Arguments.of("us", List.of()));
    }

    @ParameterizedTest
    @MethodSource("queriesAndTheSectionsTheyFind")
    void findsSectionsMatchingEveryQueryWordIgnoringAccentsCaseAndPunctuation(String query, List<String> anchors) {
        BriefingIndex index = index();

        List<BriefingIndex.Result> results = index.search(query, Language.FR);

        assertEquals(anchors, results.stream().map(BriefingIndex.Result::anchor).toList());
    }

    @Test
    void ranksAMatchInAHeadingAboveMatchesInTheText() {
        BriefingIndex index = index();

        List<BriefingIndex.Result> results = index.search("usb wifi", Language.FR);
        List<BriefingIndex.Result> byHeading = index.search("reseaux", Language.FR);

        assertEquals(List.of("section-2"), results.stream().map(BriefingIndex.Result::anchor).toList());
        assertEquals(List.of("section-1"), byHeading.stream().map(BriefingIndex.Result::anchor).toList());
        assertEquals(List.of(new BriefingIndex.Fragment("Réseaux", true)), byHeading.get(0).heading());
    }

    @Test
    void ranksMoreMatchesHigher() {
        BriefingIndex index = BriefingIndex.of(library(Map.of("fr", briefing("x", "fr", "Titre", """
                ## Un

                Le wifi.

                ## Deux

                Le wifi, encore le wifi et toujours le wifi.
                """))));

        List<BriefingIndex.Result> results = index.search("wifi", Language.FR);

        assertEquals(List.of("section-2", "section-1"), results.stream().map(BriefingIndex.Result::anchor).toList());
    }

    @Test
    void searchesTheVersionShownInTheTravellersLanguage() {
        BriefingIndex index = index();

        List<BriefingIndex.Result> dutch = index.search("wifi", Language.NL);

        assertEquals(1, dutch.size());
        assertEquals("nl", dutch.get(0).lang());
        assertEquals(List.of(new BriefingIndex.Fragment("Toestellen en veiligheid", false)), dutch.get(0).title());
        assertEquals(List.of(new BriefingIndex.Fragment("Vermijd de ", false), new BriefingIndex.Fragment("wifi", true),
                new BriefingIndex.Fragment(" van het hotel.", false)), dutch.get(0).passage());
    }

    @Test
    void marksTheMatchedWordsAsWrittenInThePassage() {
        BriefingIndex index = index();

        List<BriefingIndex.Result> results = index.search("wifi hotel", Language.FR);

        assertEquals(List.of(
                new BriefingIndex.Fragment("Évitez le ", false),
                new BriefingIndex.Fragment("Wi-Fi", true),
                new BriefingIndex.Fragment(" de l’", false),
                new BriefingIndex.Fragment("hôtel", true),
                new BriefingIndex.Fragment(". Préférez vos données mobiles.", false)), results.get(0).passage());
    }

    @Test
    void cutsALongTextToAPassageAroundTheFirstMatch() {
        String filler = "mot ".repeat(100);
        BriefingIndex index = BriefingIndex.of(library(Map.of("fr", briefing("x", "fr", "Titre",
                "## Long\n\n" + filler + "cible " + filler + "\n"))));

        List<BriefingIndex.Result> results = index.search("cible", Language.FR);

        List<BriefingIndex.Fragment> passage = results.get(0).passage();
        assertEquals(new BriefingIndex.Fragment("…", false), passage.get(0));
        assertEquals(new BriefingIndex.Fragment("cible", true), passage.get(2));
        assertEquals(new BriefingIndex.Fragment("…", false), passage.get(passage.size() - 1));
        assertEquals("mot ".repeat(14), passage.get(1).text());
        int length = passage.stream().mapToInt(f -> f.text().length()).sum();
        assertEquals(199, length);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of(null, "empty"),
                Arguments.of("", "empty"),
                Arguments.of("   ", "empty"),
                Arguments.of("!?—", "empty"),
                Arguments.of("a".repeat(201), "tooLong"));
    }

    @ParameterizedTest
    @MethodSource("badQueries")
    void refusesAnEmptyOrOversizedQuery(String query, String rule) {
        assertEquals(Optional.of(rule), BriefingIndex.problem(query));
    }

    @Test
    void acceptsAQueryOfTheMaximumLength() {
        assertEquals(Optional.empty(), BriefingIndex.problem("a".repeat(200)));
    }

    private static BriefingIndex index() {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        byLanguage.put("fr", FR);
        byLanguage.put("nl", NL);
        return BriefingIndex.of(library(byLanguage));
    }

    private static BriefingLibrary library(Map<String, String> byLanguage) {
        Map<String, Briefing> parsed = new LinkedHashMap<>();
        byLanguage.forEach((lang, text) -> parsed.put(lang, Briefing.parse(text)));
        String id = parsed.values().iterator().next().id();
        return new BriefingLibrary(1, "00", Instant.EPOCH, Instant.EPOCH, Map.of(id, parsed), 0, null);
    }

    private static String briefing(String id, String lang, String title, String body) {
        return "---\nid: " + id + "\nlang: " + lang + "\ntitle: " + title + "\nphase: during\nlevel: B\n"
                + "reviewed: 2026-11-28\nsources:\n  - KEY | Une source | https://example.org/\n---\n\n" + body;
    }
}
