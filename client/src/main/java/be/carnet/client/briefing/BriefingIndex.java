package be.carnet.client.briefing;

import be.carnet.i18n.Language;
import be.carnet.protocol.briefing.Block;
import be.carnet.protocol.briefing.Briefing;
import be.carnet.protocol.briefing.Inline;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A full-text index of the installed briefings, one entry per briefing section and language, held in
 * memory only: built from a {@link BriefingLibrary} when it is opened, dropped with it when the vault
 * locks, never written anywhere. Immutable and thread-safe.
 *
 * <p>Matching ignores case and accents and tolerates punctuation inside words: each word is indexed
 * whole without its hyphens and apostrophes ("Wi-Fi" as {@code wifi}) and also part by part ("l’hôtel"
 * as {@code lhotel}, {@code l} and {@code hotel}). Every query word must match (AND); a query word of
 * {@value #PREFIX_MIN} characters or more matches the words it begins, a shorter one only itself.
 */
public final class BriefingIndex {

    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 200;
    /** Query words at least this long match as prefixes. */
    public static final int PREFIX_MIN = 3;
    /** About how many characters of the section's text a result shows. */
    static final int PASSAGE_LENGTH = 200;
    private static final int PASSAGE_BEFORE = 60;
    private static final int TITLE_WEIGHT = 3;
    private static final int HEADING_WEIGHT = 5;
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    /** Where a section sits in its briefing, which tells the page what to call it when it has no heading. */
    public enum Kind {
        /** The text before the first heading (its heading is the briefing's summary, or empty). */
        INTRODUCTION,
        /** A section under one of the briefing's headings. */
        BODY,
        /** The checklist (its heading may be empty: the page names it). */
        CHECKLIST,
        /** The cited sources (no heading in the file: the page names it). */
        SOURCES
    }

    private final BriefingLibrary library;
    private final List<Section> sections;

    private BriefingIndex(BriefingLibrary library, List<Section> sections) {
        this.library = library;
        this.sections = List.copyOf(sections);
    }

    /** Indexes every briefing of {@code library}, in every language. */
    public static BriefingIndex of(BriefingLibrary library) {
        List<Section> sections = new ArrayList<>();
        int order = 0;
        for (Map<String, Briefing> byLanguage : library.briefings().values()) {
            for (Briefing briefing : byLanguage.values()) {
                for (Section section : sectionsOf(briefing, order)) {
                    sections.add(section);
                }
                order++;
            }
        }
        return new BriefingIndex(library, sections);
    }

    /** The library this index was built from. */
    public BriefingLibrary library() {
        return library;
    }

    /**
     * The sections that match every word of {@code query}, among the briefings as shown in
     * {@code language} (or their fallback), best first: more matches rank higher, a match in a heading
     * or a title more than one in the text. A briefing's title is searched with its introduction (the text
     * before its first heading, the summary included). The query must already be checked by {@link #problem}.
     */
    public List<Result> search(String query, Language language) {
        List<String> terms = terms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            Optional<BriefingLibrary.Shown> shown = library.find(section.briefing().id(), language);
            if (shown.isEmpty() || !shown.get().briefing().lang().equals(section.briefing().lang())) {
                continue;
            }
            int score = section.score(terms);
            if (score > 0) {
                scored.add(new Scored(score, i, section.result(terms, shown.get().fallback())));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::position));
        return scored.stream().map(Scored::result).toList();
    }

    /**
     * Why {@code untrustedQuery} cannot be searched, as a rule name ({@code empty} or {@code tooLong}), or
     * empty when it can.
     */
    public static Optional<String> problem(String untrustedQuery) {
        if (untrustedQuery == null || terms(untrustedQuery).isEmpty()) {
            return Optional.of("empty");
        }
        if (untrustedQuery.length() > MAX_QUERY_LENGTH) {
            return Optional.of("tooLong");
        }
        return Optional.empty();
    }

    /** The query's words, normalised: each word whole, without its hyphens and apostrophes. */
    static List<String> terms(String query) {
        List<String> out = new ArrayList<>();
        for (Word word : words(query)) {
            if (word.whole() && !out.contains(word.normal())) {
                out.add(word.normal());
            }
        }
        return out;
    }

    /** {@code text} without accents, in lower case, without hyphens and apostrophes: how words are compared. */
    public static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(bare.length());
        bare.codePoints().filter(c -> !isJoiner(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * A searchable piece of text with its words.
     *
     * @param text the text as written
     * @param words its words (whole and parts), in order
     */
    record Field(String text, List<Word> words) {

        static Field of(String text) {
            return new Field(text, BriefingIndex.words(text));
        }

        int matches(String term) {
            int n = 0;
            for (Word word : words) {
                // A part counts only when its whole word does not, so "wi-fi" is one match for "wifi".
                if (word.matches(term) && (word.whole() || !wholeAround(word).matches(term))) {
                    n++;
                }
            }
            return n;
        }

        private Word wholeAround(Word part) {
            for (Word word : words) {
                if (word.whole() && word.start() <= part.start() && part.end() <= word.end()) {
                    return word;
                }
            }
            return part;
        }

    }

    /**
     * A word of a text: its place in the text and its normal form.
     *
     * @param start index of its first character
     * @param end index after its last character
     * @param normal its normal form ({@link #normalise})
     * @param whole true for the whole word, false for a part of a hyphenated or apostrophised word
     */
    record Word(int start, int end, String normal, boolean whole) {

        boolean matches(String term) {
            return term.length() >= PREFIX_MIN ? normal.startsWith(term) : normal.equals(term);
        }
    }

    /** Splits {@code text} into words: letters and digits, joined by hyphens or apostrophes between two of them. */
    static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            List<int[]> parts = new ArrayList<>();
            int partStart = i;
            while (i < text.length()) {
                int d = text.codePointAt(i);
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    i += Character.charCount(d);
                } else if (isJoiner(d) && i + Character.charCount(d) < text.length()
                        && Character.isLetterOrDigit(text.codePointAt(i + Character.charCount(d)))) {
                    parts.add(new int[] {partStart, i});
                    i += Character.charCount(d);
                    partStart = i;
                } else {
                    break;
                }
            }
            out.add(new Word(start, i, normalise(text.substring(start, i)), true));
            if (!parts.isEmpty()) {
                parts.add(new int[] {partStart, i});
                for (int[] part : parts) {
                    out.add(new Word(part[0], part[1], normalise(text.substring(part[0], part[1])), false));
                }
            }
        }
        return out;
    }

    private static boolean isJoiner(int c) {
        return c == '-' || c == '\'' || c == '’' || c == '‐' || c == '‑' || c == 'ʼ';
    }

    /**
     * One section of one language version of a briefing.
     *
     * @param briefing the briefing
     * @param kind where the section sits
     * @param anchor the id of its heading on the briefing's page, or empty for the top of the page
     * @param title the briefing's title
     * @param heading its heading as written, or empty
     * @param body its text
     */
    record Section(Briefing briefing, Kind kind, String anchor, Field title, Field heading, Field body) {

        /** 0 when a term is missing from title, heading and body; otherwise the weighted number of matches. */
        int score(List<String> terms) {
            int score = 0;
            for (String term : terms) {
                // The title belongs to the introduction only, or every section would match its words.
                int inTitle = kind == Kind.INTRODUCTION ? title.matches(term) : 0;
                int inHeading = heading.matches(term);
                int inBody = body.matches(term);
                if (inTitle + inHeading + inBody == 0) {
                    return 0;
                }
                score += TITLE_WEIGHT * inTitle + HEADING_WEIGHT * inHeading + inBody;
            }
            return score;
        }

        Result result(List<String> terms, boolean fallback) {
            List<String> titleTerms = kind == Kind.INTRODUCTION ? terms : List.of();
            return new Result(briefing.id(), briefing.lang(), fallback, kind, anchor, marked(title, titleTerms, 0,
                    title.text().length()), marked(heading, terms, 0, heading.text().length()), passage(terms));
        }

        private List<Fragment> passage(List<String> terms) {
            String text = body.text();
            int first = -1;
            for (Word word : body.words()) {
                if (terms.stream().anyMatch(word::matches)) {
                    first = word.start();
                    break;
                }
            }
            int start = Math.max(0, first - PASSAGE_BEFORE);
            if (start > 0) {
                int space = text.indexOf(' ', start);
                start = space < 0 || space >= Math.max(first, start) ? start : space + 1;
            }
            int end = Math.min(text.length(), start + PASSAGE_LENGTH);
            if (end < text.length()) {
                int space = text.lastIndexOf(' ', end);
                end = space > Math.max(first, start) ? space : end;
            }
            List<Fragment> out = new ArrayList<>();
            if (start > 0) {
                out.add(new Fragment("…", false));
            }
            out.addAll(marked(body, terms, start, end));
            if (end < text.length()) {
                out.add(new Fragment("…", false));
            }
            return out;
        }
    }

    /** The text of {@code field} from {@code start} to {@code end}, cut where words match a term. */
    private static List<Fragment> marked(Field field, List<String> terms, int start, int end) {
        String text = field.text();
        List<int[]> spans = new ArrayList<>();
        for (Word word : field.words()) {
            if (word.start() >= start && word.end() <= end && terms.stream().anyMatch(word::matches)) {
                spans.add(new int[] {word.start(), word.end()});
            }
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        List<Fragment> out = new ArrayList<>();
        int at = start;
        for (int[] span : spans) {
            if (span[1] <= at) {
                continue;
            }
            int from = Math.max(span[0], at);
            if (from > at) {
                out.add(new Fragment(text.substring(at, from), false));
            }
            out.add(new Fragment(text.substring(from, span[1]), true));
            at = span[1];
        }
        if (at < end) {
            out.add(new Fragment(text.substring(at, end), false));
        }
        return out;
    }

    private static List<Section> sectionsOf(Briefing briefing, int order) {
        Field title = Field.of(briefing.title());
        List<Section> out = new ArrayList<>();
        Kind kind = Kind.INTRODUCTION;
        String anchor = "";
        String heading = "";
        StringBuilder body = new StringBuilder(briefing.summary());
        int headings = 0;
        for (Block block : briefing.blocks()) {
            if (block instanceof Block.Heading h) {
                addSection(out, briefing, kind, anchor, title, heading, body);
                headings++;
                kind = Kind.BODY;
                anchor = sectionAnchor(headings);
                heading = h.text();
                body.setLength(0);
            } else if (block instanceof Block.Paragraph p) {
                append(body, p.content());
            } else if (block instanceof Block.Callout c) {
                append(body, c.content());
            } else if (block instanceof Block.BulletList l) {
                l.items().forEach(item -> append(body, item));
            }
        }
        addSection(out, briefing, kind, anchor, title, heading, body);
        if (!briefing.checklist().isEmpty()) {
            StringBuilder items = new StringBuilder();
            briefing.checklist().forEach(item -> separate(items).append(item.text()));
            addSection(out, briefing, Kind.CHECKLIST, "checklist-title", title, briefing.checklistTitle(), items);
        }
        StringBuilder sources = new StringBuilder();
        briefing.sources().forEach(source -> separate(sources).append(source.title()));
        addSection(out, briefing, Kind.SOURCES, "sources-title", title, "", sources);
        return out;
    }

    /** The id of the {@code n}th heading (from 1) of a briefing's page. */
    public static String sectionAnchor(int n) {
        return "section-" + n;
    }

    private static void addSection(List<Section> out, Briefing briefing, Kind kind, String anchor, Field title,
                                   String heading, StringBuilder body) {
        if (kind == Kind.INTRODUCTION || body.length() > 0 || !heading.isEmpty()) {
            out.add(new Section(briefing, kind, anchor, title, Field.of(heading), Field.of(body.toString())));
        }
    }

    private static void append(StringBuilder body, List<Inline> runs) {
        separate(body);
        runs.forEach(run -> body.append(run.text()));
    }

    private static StringBuilder separate(StringBuilder text) {
        return text.length() == 0 ? text : text.append(' ');
    }

    private record Scored(int score, int position, Result result) {
    }

    /**
     * A piece of text to show, marked when it matched. Plain text: the page escapes it.
     *
     * @param text the text as written in the briefing
     * @param match true when it is a matched word
     */
    public record Fragment(String text, boolean match) {
    }

    /**
     * One matching section.
     *
     * @param briefingId the briefing's id
     * @param lang the language of its text
     * @param fallback true when that is not the traveller's language
     * @param kind where the section sits
     * @param anchor the id of its heading on the briefing's page, or empty
     * @param title the briefing's title (marked in the introduction's result only)
     * @param heading the section's heading, marked; empty when it has none
     * @param passage about {@value #PASSAGE_LENGTH} characters of its text around the first match, marked
     */
    public record Result(String briefingId, String lang, boolean fallback, Kind kind, String anchor,
                         List<Fragment> title, List<Fragment> heading, List<Fragment> passage) {

        public Result {
            title = List.copyOf(title);
            heading = List.copyOf(heading);
            passage = List.copyOf(passage);
        }
    }
}
