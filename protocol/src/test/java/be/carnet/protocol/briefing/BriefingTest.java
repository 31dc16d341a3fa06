package be.carnet.protocol.briefing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BriefingTest {

    private static final String HEAD = """
            ---
            id: sample
            lang: fr
            title: Exemple
            phase: during
            level: M/H
            reviewed: 2026-11-28
            sources:
              - VSSE-FR | RTBF | https://www.rtbf.be/x
            ---
            """;

    @Test
    void parsesTheShippedPreDepartureBriefingsAndTheirChecklistsAgree() throws IOException {
        Path dir = Path.of("..", "content", "briefings", "pre-departure");

        Briefing fr = Briefing.parse(Files.readString(dir.resolve("fr.md"), UTF_8));
        Briefing nl = Briefing.parse(Files.readString(dir.resolve("nl.md"), UTF_8));

        assertEquals("Avant le départ", fr.title());
        assertEquals("Voor vertrek", nl.title());
        assertEquals(fr.checklist().stream().map(Briefing.ChecklistItem::id).toList(),
                nl.checklist().stream().map(Briefing.ChecklistItem::id).toList());
        assertTrue(fr.checklist().size() >= 12);
    }

    @Test
    void parsesInlineMarkupIntoRuns() {
        Briefing b = Briefing.parse(HEAD + "## Titre\n\nDu **gras**, de l’*italique* et [un lien](https://ccb.belgium.be).\n");

        assertEquals(List.of(new Inline.Text("Du "), new Inline.Bold("gras"), new Inline.Text(", de l’"),
                new Inline.Italic("italique"), new Inline.Text(" et "), new Inline.Link("un lien", "https://ccb.belgium.be"),
                new Inline.Text(".")), ((Block.Paragraph) b.blocks().get(1)).content());
        assertEquals(LocalDate.of(2026, 11, 28), b.reviewed());
        assertEquals("M/H", b.level());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("no front matter", "## Titre\n\nTexte.\n",
                        "line 1: a briefing must start with front matter (a line ---)"),
                Arguments.of("missing title", HEAD.replace("title: Exemple\n", "") + "## T\n\nx\n",
                        "line 1: the front matter lacks \"title\""),
                Arguments.of("bad date", HEAD.replace("2026-11-28", "28/11/2026") + "## T\n\nx\n",
                        "line 1: reviewed must be a date such as 2026-11-28"),
                Arguments.of("http source", HEAD.replace("https://www.rtbf.be/x", "http://www.rtbf.be/x") + "## T\n\nx\n",
                        "line 9: a link must be a full https:// address without spaces"),
                Arguments.of("empty section", HEAD + "## Vide\n\n## Plein\n\nx\n", "line 11: the section is empty"),
                Arguments.of("malformed link", HEAD + "## T\n\nVoir [ici](https://a b).\n",
                        "line 13: a link must be a full https:// address without spaces"),
                Arguments.of("link without address", HEAD + "## T\n\nVoir [ici] maintenant.\n",
                        "line 13: malformed link: expected [text](https://…)"),
                Arguments.of("raw html", HEAD + "## T\n\n<script>alert(1)</script>\n", "line 13: raw HTML is not allowed"),
                Arguments.of("numbered list", HEAD + "## T\n\n1. un\n", "line 13: numbered lists are not allowed; use - bullets"),
                Arguments.of("checklist not last", HEAD + "## Liste\n\n- [ ] Faire {#a}\n\n## Après\n\nx\n",
                        "line 15: the checklist must be the last section"),
                Arguments.of("duplicate checklist id", HEAD + "## T\n\nx\n\n## Liste\n\n- [ ] Un {#a}\n- [ ] Deux {#a}\n",
                        "line 18: checklist id a is used twice"),
                Arguments.of("checklist item without id", HEAD + "## T\n\nx\n\n## Liste\n\n- [ ] Un\n",
                        "line 17: a checklist item must be \"- [ ] text {#item-id}\""),
                Arguments.of("unknown key", HEAD.replace("phase: during", "phase: during\ncolour: red") + "## T\n\nx\n",
                        "line 6: unknown front matter key \"colour\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedBriefingsNamingTheLine(String name, String text, String message) {
        BriefingFormatException e = assertThrows(BriefingFormatException.class, () -> Briefing.parse(text));

        assertEquals(message, e.getMessage());
    }
}
