package be.carnet.protocol.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the briefing reader over generated files: a valid file written from a model parses
 * back to that model, and any one-character change of it is either read or refused with
 * {@link BriefingFormatException} naming a line of the file, never another exception.
 */
class BriefingPropertyTest {

    /** A briefing file and what {@link Briefing#parse} must return for it. */
    record Sample(String text, Briefing expected) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Also with Windows line ends, which read the same. */
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void aGeneratedValidBriefingParsesToItsModel(@ForAll("briefings") Sample sample) {
        assertEquals(sample.expected(), Briefing.parse(sample.text()));
        assertEquals(sample.expected(), Briefing.parse(sample.text().replace("\n", "\r\n")));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void aChangedCharacterIsReadOrRefusedNamingALineOfTheFile(@ForAll("briefings") Sample sample,
            @ForAll @IntRange(min = 0, max = 1 << 20) int position, @ForAll("characters") char value,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        String text = sample.text();
        int at = Math.floorMod(position, text.length() + (kind == 1 ? 1 : 0));
        String mutated = switch (kind) {
            case 0 -> text.substring(0, at) + value + text.substring(at + 1);
            case 1 -> text.substring(0, at) + value + text.substring(at);
            default -> text.substring(0, at) + text.substring(at + 1);
        };
        try {
            Briefing.parse(mutated);
        } catch (BriefingFormatException refused) {
            int lines = mutated.replace("\r\n", "\n").split("\n", -1).length;
            assertTrue(refused.line() >= 1 && refused.line() <= lines,
                    "line " + refused.line() + " of " + lines + ": " + refused.getMessage());
        }
    }

    @Provide
    Arbitrary<Character> characters() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of('\n', '\r', '\t', ' ', '#', '*', '_', '[', ']', '(', ')', '-', '>', '<',
                        '`', '|', '!', '{', '}', '\\', ':', '&', ';', '1', '.', '=', '~', '"')),
                Tuple.of(2, Arbitraries.chars().range('a', 'z')),
                Tuple.of(1, Arbitraries.of('\u0000', '\u00e9', '\u202e', '\u00a0', '\ufeff', '\ud83d', '\udca9')));
    }

    @Provide
    Arbitrary<Sample> briefings() {
        Arbitrary<String> id = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMaxLength(20))
                .as(String::concat);
        Arbitrary<String> topics = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(4).list().ofMaxSize(3).map(l -> String.join(" ", l));
        Arbitrary<LocalDate> reviewed = Arbitraries.integers().between(0, 36_000)
                .map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
        Arbitrary<Briefing.Source> source = Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'Z').withChars('-').ofMinLength(1).ofMaxLength(10)
                        .filter(k -> !k.isBlank()),
                words(), url()).as(Briefing.Source::new);
        Arbitrary<List<Block>> sections = section().list().ofMinSize(1).ofMaxSize(4)
                .map(l -> l.stream().flatMap(List::stream).toList());
        Arbitrary<Tuple.Tuple2<String, List<Briefing.ChecklistItem>>> checklist = Combinators.combine(words(),
                Combinators.combine(Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                        .ofMinLength(1).ofMaxLength(12), words()).as(Briefing.ChecklistItem::new)
                        .list().ofMinSize(1).ofMaxSize(5).uniqueElements(Briefing.ChecklistItem::id))
                .as(Tuple::of)
                .injectNull(0.3);
        Arbitrary<Tuple.Tuple4<String, String, String, String>> front = Combinators.combine(id,
                Arbitraries.of("fr", "nl", "en"), words(), Arbitraries.oneOf(Arbitraries.just(""), words()))
                .as(Tuple::of);
        Arbitrary<Tuple.Tuple4<String, String, String, LocalDate>> more = Combinators.combine(
                Arbitraries.of("before", "during", "return"), Arbitraries.of("B", "M", "H", "M/H", "B/M/H"), topics,
                reviewed).as(Tuple::of);
        return Combinators.combine(front, more, source.list().ofMinSize(1).ofMaxSize(3), sections, checklist)
                .as(BriefingPropertyTest::sample);
    }

    private static Sample sample(Tuple.Tuple4<String, String, String, String> front,
            Tuple.Tuple4<String, String, String, LocalDate> more, List<Briefing.Source> sources, List<Block> blocks,
            Tuple.Tuple2<String, List<Briefing.ChecklistItem>> checklist) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("id: ").append(front.get1()).append('\n');
        out.append("lang: ").append(front.get2()).append('\n');
        out.append("title: ").append(front.get3()).append('\n');
        if (!front.get4().isEmpty()) {
            out.append("summary: ").append(front.get4()).append('\n');
        }
        out.append("phase: ").append(more.get1()).append('\n');
        out.append("level: ").append(more.get2()).append('\n');
        if (!more.get3().isEmpty()) {
            out.append("topics: ").append(more.get3()).append('\n');
        }
        out.append("reviewed: ").append(more.get4()).append('\n');
        out.append("sources:\n");
        for (Briefing.Source s : sources) {
            out.append("  - ").append(s.key()).append(" | ").append(s.title()).append(" | ").append(s.url()).append('\n');
        }
        out.append("---\n");
        for (Block block : blocks) {
            out.append('\n').append(markdown(block));
        }
        String checklistTitle = "";
        List<Briefing.ChecklistItem> items = List.of();
        if (checklist != null) {
            checklistTitle = checklist.get1();
            items = checklist.get2();
            out.append("\n## ").append(checklistTitle).append("\n\n");
            for (Briefing.ChecklistItem item : items) {
                out.append("- [ ] ").append(item.text()).append(" {#").append(item.id()).append("}\n");
            }
        }
        List<String> topicList = more.get3().isEmpty() ? List.of() : List.of(more.get3().split(" "));
        return new Sample(out.toString(), new Briefing(front.get1(), front.get2(), front.get3(), front.get4(),
                more.get1(), more.get2(), topicList, more.get4(), sources, blocks, checklistTitle, items));
    }

    /** One section: a heading and one to three blocks, never two bullet lists in a row (they would join). */
    private static Arbitrary<List<Block>> section() {
        Arbitrary<Block> heading = Combinators.combine(Arbitraries.of(2, 3), words()).as(Block.Heading::new);
        Arbitrary<Block> paragraph = runs().map(Block.Paragraph::new);
        Arbitrary<Block> list = runs().list().ofMinSize(1).ofMaxSize(3).map(Block.BulletList::new);
        Arbitrary<Block> callout = runs().map(Block.Callout::new);
        return Combinators.combine(heading, Arbitraries.oneOf(paragraph, list, callout).list().ofMinSize(1).ofMaxSize(3))
                .as((h, body) -> {
                    List<Block> out = new ArrayList<>(List.of(h));
                    for (Block b : body) {
                        if (!(b instanceof Block.BulletList && out.get(out.size() - 1) instanceof Block.BulletList)) {
                            out.add(b);
                        }
                    }
                    return out;
                });
    }

    /** Inline runs as the reader returns them: separated by single spaces, adjacent plain text merged. */
    private static Arbitrary<List<Inline>> runs() {
        Arbitrary<Inline> run = Arbitraries.frequencyOf(
                Tuple.of(3, words().map(w -> (Inline) new Inline.Text(w))),
                Tuple.of(1, words().map(w -> (Inline) new Inline.Bold(w))),
                Tuple.of(1, words().map(w -> (Inline) new Inline.Italic(w))),
                Tuple.of(1, Combinators.combine(words(), url()).as((w, u) -> (Inline) new Inline.Link(w, u))));
        return run.list().ofMinSize(1).ofMaxSize(5).map(BriefingPropertyTest::spaced);
    }

    private static List<Inline> spaced(List<Inline> runs) {
        List<Inline> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (i > 0) {
                append(out, new Inline.Text(" "));
            }
            append(out, runs.get(i));
        }
        return out;
    }

    private static void append(List<Inline> out, Inline run) {
        if (run instanceof Inline.Text text && !out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text last) {
            out.set(out.size() - 1, new Inline.Text(last.text() + text.text()));
        } else {
            out.add(run);
        }
    }

    private static String markdown(Block block) {
        if (block instanceof Block.Heading h) {
            return "#".repeat(h.level()) + " " + h.text() + "\n";
        }
        if (block instanceof Block.Paragraph p) {
            return inline(p.content()) + "\n";
        }
        if (block instanceof Block.Callout c) {
            return "> " + inline(c.content()) + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (List<Inline> item : ((Block.BulletList) block).items()) {
            out.append("- ").append(inline(item)).append('\n');
        }
        return out.toString();
    }

    private static String inline(List<Inline> runs) {
        StringBuilder out = new StringBuilder();
        for (Inline run : runs) {
            if (run instanceof Inline.Bold b) {
                out.append("**").append(b.text()).append("**");
            } else if (run instanceof Inline.Italic i) {
                out.append('*').append(i.text()).append('*');
            } else if (run instanceof Inline.Link l) {
                out.append('[').append(l.text()).append("](").append(l.url()).append(')');
            } else {
                out.append(run.text());
            }
        }
        return out.toString();
    }

    /** One to four words of letters (accented ones included), single spaces between. */
    private static Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars("éèçëïôûÀÉ’")
                .ofMinLength(1).ofMaxLength(8).list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(" ", l));
    }

    private static Arbitrary<String> url() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("/-_.").ofMaxLength(12))
                .as((host, path) -> "https://" + host + ".be/" + path);
    }

}
