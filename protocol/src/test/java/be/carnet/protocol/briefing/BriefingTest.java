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

    @Test
    void keepsALoneAsteriskAsText() {
        Briefing b = Briefing.parse(HEAD + "## Titre\n\nUn taxi coûte 5 * 3 euros.\n");

        assertEquals(List.of(new Inline.Text("Un taxi coûte 5 * 3 euros.")), ((Block.Paragraph) b.blocks().get(1)).content());
    }

    @Test
    void readsBackslashEscapesAsTheLiteralCharacter() {
        Briefing b = Briefing.parse(HEAD + "## Titre\n\nPas \\*d'italique\\*, ni \\[lien\\] ni \\<b>.\n");

        assertEquals(List.of(new Inline.Text("Pas *d'italique*, ni [lien] ni <b>.")),
                ((Block.Paragraph) b.blocks().get(1)).content());
    }

    @Test
    void anEscapedBracketBeforeAParenthesisIsText() {
        Briefing b = Briefing.parse(HEAD + "## Titre\n\nÉcrivez \\[texte\\](adresse) pour un lien.\n");

        assertEquals(List.of(new Inline.Text("Écrivez [texte](adresse) pour un lien.")),
                ((Block.Paragraph) b.blocks().get(1)).content());
    }

    @Test
    void keepsBalancedParenthesesInsideALinkAddress() {
        Briefing b = Briefing.parse(HEAD + "## Titre\n\nVoir [la loi](https://fr.wikipedia.org/wiki/Loi_(Chine)) ici.\n");

        assertEquals(List.of(new Inline.Text("Voir "), new Inline.Link("la loi", "https://fr.wikipedia.org/wiki/Loi_(Chine)"),
                new Inline.Text(" ici.")), ((Block.Paragraph) b.blocks().get(1)).content());
    }

    @Test
    void joinsTheLinesOfAParagraphAndACalloutWithSpaces() {
        Briefing b = Briefing.parse(HEAD + "## Titre\n\nUne\nphrase.\n\n> Pourquoi\n> ceci.\n\n- *un*\n- deux\n");

        assertEquals(List.of(new Inline.Text("Une phrase.")), ((Block.Paragraph) b.blocks().get(1)).content());
        assertEquals(List.of(new Inline.Text("Pourquoi ceci.")), ((Block.Callout) b.blocks().get(2)).content());
        assertEquals(List.of(List.of(new Inline.Italic("un")), List.of(new Inline.Text("deux"))),
                ((Block.BulletList) b.blocks().get(3)).items());
    }

    @Test
    void readsTheChecklistAsTheLastSection() {
        Briefing b = Briefing.parse(HEAD + "## Titre\n\nx\n\n## À faire\n\n- [ ] Chiffrer le disque {#disk}\n- [ ] Sauvegarder {#backup}\n");

        assertEquals("À faire", b.checklistTitle());
        assertEquals(List.of(new Briefing.ChecklistItem("disk", "Chiffrer le disque"),
                new Briefing.ChecklistItem("backup", "Sauvegarder")), b.checklist());
        assertEquals(2, b.blocks().size());
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
                        "line 13: malformed link: expected [text](https://…) with a full https:// address"),
                Arguments.of("link to http", HEAD + "## T\n\nVoir [ici](http://a.be).\n",
                        "line 13: a link must be a full https:// address without spaces"),
                Arguments.of("link with an empty text", HEAD + "## T\n\nVoir [](https://a.be).\n",
                        "line 13: malformed link: the link text is empty"),
                Arguments.of("inline html", HEAD + "## T\n\nUn <b>gras</b> brut.\n", "line 13: raw HTML is not allowed"),
                Arguments.of("html on a later line", HEAD + "## T\n\nUn\ndeux <img src=x onerror=alert(1)>\n",
                        "line 14: raw HTML is not allowed"),
                Arguments.of("image", HEAD + "## T\n\n![carte](https://a.be/x.png)\n", "line 13: tables and images are not allowed"),
                Arguments.of("table", HEAD + "## T\n\n| a | b |\n|---|---|\n", "line 13: tables and images are not allowed"),
                Arguments.of("code block", HEAD + "## T\n\n```\nrm -rf /\n```\n",
                        "line 13: code is not allowed (a line indented by four spaces is code: remove the indent)"),
                Arguments.of("indented code", HEAD + "## T\n\n    retrait\n",
                        "line 13: code is not allowed (a line indented by four spaces is code: remove the indent)"),
                Arguments.of("code span", HEAD + "## T\n\nTapez `ls`.\n",
                        "line 13: code is not allowed (a line indented by four spaces is code: remove the indent)"),
                Arguments.of("horizontal rule", HEAD + "## T\n\nx\n\n***\n", "line 15: horizontal rules are not allowed"),
                Arguments.of("level 1 heading", HEAD + "# T\n\nx\n", "line 11: only ## and ### headings are allowed"),
                Arguments.of("level 4 heading", HEAD + "## T\n\nx\n\n#### U\n", "line 15: only ## and ### headings are allowed"),
                Arguments.of("underlined heading", HEAD + "## T\n\nTitre\n-----\n",
                        "line 13: headings are written ## or ###, not underlined"),
                Arguments.of("markup in a heading", HEAD + "## Un **titre**\n\nx\n",
                        "line 11: a heading is plain text, without markup"),
                Arguments.of("nested list", HEAD + "## T\n\n- un\n  - deux\n",
                        "line 14: a list item is one paragraph: no nested lists, callouts or second paragraphs"),
                Arguments.of("link inside bold", HEAD + "## T\n\n**[ici](https://a.be)**\n",
                        "line 13: ** bold holds plain text only (no nested markup or links)"),
                Arguments.of("list in a callout", HEAD + "## T\n\n> - un\n",
                        "line 13: a callout (>) may hold only paragraphs"),
                Arguments.of("checklist item with markup", HEAD + "## T\n\nx\n\n## Liste\n\n- [ ] Un **gras** {#a}\n",
                        "line 17: a checklist item must be \"- [ ] text {#item-id}\""),
                Arguments.of("checklist items outside the checklist", HEAD + "## T\n\nx\n\n- [ ] Un {#a}\n",
                        "line 15: checklist items belong in the last section"),
                Arguments.of("raw html", HEAD + "## T\n\n<script>alert(1)</script>\n", "line 13: raw HTML is not allowed"),
                Arguments.of("numbered list", HEAD + "## T\n\n1. un\n", "line 13: numbered lists are not allowed; use - bullets"),
                Arguments.of("checklist not last", HEAD + "## Liste\n\n- [ ] Faire {#a}\n\n## Après\n\nx\n",
                        "line 15: the checklist must be the last section"),
                Arguments.of("duplicate checklist id", HEAD + "## T\n\nx\n\n## Liste\n\n- [ ] Un {#a}\n- [ ] Deux {#a}\n",
                        "line 18: checklist id a is used twice"),
                Arguments.of("checklist item without id", HEAD + "## T\n\nx\n\n## Liste\n\n- [ ] Un\n",
                        "line 17: a checklist item must be \"- [ ] text {#item-id}\""),
                Arguments.of("lone carriage return in the body", HEAD + "## T\n\nx\ry\n\n<b>x</b>\n",
                        "line 13: a carriage return without a line feed; save the file with LF or CR LF line ends"),
                Arguments.of("lone carriage return as the body's line ends", HEAD + "## T\r\rx\r",
                        "line 11: a carriage return without a line feed; save the file with LF or CR LF line ends"),
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
