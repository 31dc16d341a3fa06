package be.carnet.protocol.briefing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One briefing in one language, parsed from its file. The format (docs/formats.md, "Briefing files"):
 * <pre>
 * ---
 * id: pre-departure
 * lang: fr
 * title: …
 * summary: …            (optional)
 * phase: before | during | return
 * level: B | M | H | M/H …
 * topics: P1 P2 …       (optional)
 * reviewed: 2026-11-28
 * sources:
 *   - KEY | title | https://…
 * ---
 * ## Heading
 * Paragraph with **bold**, *italic* and [a link](https://…); \* and other backslash escapes.
 * - bullet
 * &gt; callout
 * ## Checklist heading
 * - [ ] Item text {#item-id}
 * </pre>
 * The body is CommonMark restricted to a subset ({@link BriefingBody}): no raw HTML, images, code,
 * tables or numbered lists. Checklist items form the last section.
 *
 * @param id the briefing id, shared by its language versions
 * @param lang fr, nl or en
 * @param title its title
 * @param summary one sentence for the home page, or empty
 * @param phase before, during or return
 * @param level B, M, H or a combination such as M/H
 * @param topics topic ids of the content brief it covers
 * @param reviewed when its content was last reviewed
 * @param sources the public sources it cites
 * @param blocks the body, without the checklist
 * @param checklistTitle the heading of the checklist section, or empty if it has none
 * @param checklist the checklist items in order
 */
public record Briefing(String id, String lang, String title, String summary, String phase, String level,
                       List<String> topics, LocalDate reviewed, List<Source> sources, List<Block> blocks,
                       String checklistTitle, List<ChecklistItem> checklist) {

    public static final Set<String> PHASES = Set.of("before", "during", "return");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LEVEL = Pattern.compile("[BMH](/[BMH]){0,2}");
    private static final Set<String> REQUIRED = Set.of("id", "lang", "title", "phase", "level", "reviewed", "sources");
    private static final Set<String> KNOWN = Set.of("id", "lang", "title", "summary", "phase", "level", "topics",
            "reviewed", "sources");

    /**
     * A cited source.
     *
     * @param key the source key of the content brief, e.g. VSSE-NL
     * @param title what it is
     * @param url its https address
     */
    public record Source(String key, String title, String url) {
    }

    /**
     * A checklist item.
     *
     * @param id stable across languages: {@code [a-z0-9-]+}
     * @param text what to do
     */
    public record ChecklistItem(String id, String text) {
    }

    public Briefing {
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
        blocks = List.copyOf(blocks);
        checklist = List.copyOf(checklist);
    }

    /**
     * Parses a briefing file.
     *
     * @throws BriefingFormatException naming the line and the rule
     */
    public static Briefing parse(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            // CommonMark would end a line there and every line number after it would be off by one.
            if (lines[i].indexOf('\r') >= 0) {
                throw new BriefingFormatException(i + 1,
                        "a carriage return without a line feed; save the file with LF or CR LF line ends");
            }
        }
        if (lines.length == 0 || !lines[0].equals("---")) {
            throw new BriefingFormatException(1, "a briefing must start with front matter (a line ---)");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new BriefingFormatException(1, "the front matter is not closed by a line ---");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<Source> sources = new ArrayList<>();
        parseFrontMatter(lines, end, fields, sources);
        for (String key : REQUIRED) {
            if (!fields.containsKey(key)) {
                throw new BriefingFormatException(1, "the front matter lacks \"" + key + "\"");
            }
        }
        String id = fields.get("id");
        if (!ID.matcher(id).matches()) {
            throw new BriefingFormatException(1, "id must be lowercase letters, digits and dashes");
        }
        String lang = fields.get("lang");
        if (!Set.of("fr", "nl", "en").contains(lang)) {
            throw new BriefingFormatException(1, "lang must be fr, nl or en");
        }
        String phase = fields.get("phase");
        if (!PHASES.contains(phase)) {
            throw new BriefingFormatException(1, "phase must be before, during or return");
        }
        String level = fields.get("level");
        if (!LEVEL.matcher(level).matches()) {
            throw new BriefingFormatException(1, "level must be B, M, H or a combination such as M/H");
        }
        if (fields.get("title").isBlank()) {
            throw new BriefingFormatException(1, "title must not be empty");
        }
        LocalDate reviewed;
        try {
            reviewed = LocalDate.parse(fields.get("reviewed"));
        } catch (DateTimeParseException e) {
            throw new BriefingFormatException(1, "reviewed must be a date such as 2026-11-28");
        }
        if (sources.isEmpty()) {
            throw new BriefingFormatException(1, "sources must list at least one source");
        }
        List<String> topics = fields.getOrDefault("topics", "").isBlank() ? List.of()
                : List.of(fields.get("topics").trim().split("\\s+"));

        BriefingBody.Parsed body = BriefingBody.parse(lines, end + 1);
        return new Briefing(id, lang, fields.get("title"), fields.getOrDefault("summary", ""), phase, level, topics,
                reviewed, sources, body.blocks(), body.checklistTitle(), body.checklist());
    }

    private static void parseFrontMatter(String[] lines, int end, Map<String, String> fields, List<Source> sources) {
        boolean inSources = false;
        for (int i = 1; i < end; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (inSources && line.startsWith("  - ")) {
                String[] parts = line.substring(4).split("\\|", -1);
                if (parts.length != 3) {
                    throw new BriefingFormatException(lineNo, "a source must be \"  - KEY | title | https://…\"");
                }
                String url = parts[2].trim();
                checkUrl(url, lineNo);
                if (parts[0].isBlank() || parts[1].isBlank()) {
                    throw new BriefingFormatException(lineNo, "a source needs a key and a title");
                }
                sources.add(new Source(parts[0].trim(), parts[1].trim(), url));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1 || line.startsWith(" ")) {
                throw new BriefingFormatException(lineNo, "front matter lines must be \"key: value\"");
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (!KNOWN.contains(key)) {
                throw new BriefingFormatException(lineNo, "unknown front matter key \"" + key + "\"");
            }
            if (fields.containsKey(key)) {
                throw new BriefingFormatException(lineNo, "front matter key \"" + key + "\" appears twice");
            }
            fields.put(key, value);
            inSources = key.equals("sources");
            if (inSources && !value.isEmpty()) {
                throw new BriefingFormatException(lineNo, "sources must be a list on the following lines");
            }
        }
    }

    static void checkUrl(String url, int lineNo) {
        if (!url.startsWith("https://") || url.length() <= "https://".length() || url.chars().anyMatch(
                c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`')) {
            throw new BriefingFormatException(lineNo, "a link must be a full https:// address without spaces");
        }
    }

    /** All text of the briefing (title, summary, body, checklist), for search and tests. */
    public String plainText() {
        StringBuilder out = new StringBuilder(title).append('\n').append(summary).append('\n');
        for (Block block : blocks) {
            if (block instanceof Block.Heading h) {
                out.append(h.text());
            } else if (block instanceof Block.Paragraph p) {
                p.content().forEach(r -> out.append(r.text()));
            } else if (block instanceof Block.Callout c) {
                c.content().forEach(r -> out.append(r.text()));
            } else if (block instanceof Block.BulletList l) {
                l.items().forEach(item -> {
                    item.forEach(r -> out.append(r.text()));
                    out.append('\n');
                });
            }
            out.append('\n');
        }
        checklist.forEach(item -> out.append(item.text()).append('\n'));
        return out.toString();
    }
}
