package be.carnet.protocol.briefing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
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
 * Paragraph with **bold**, *italic* and [a link](https://…).
 * - bullet
 * &gt; callout
 * ## Checklist heading
 * - [ ] Item text {#item-id}
 * </pre>
 * No raw HTML, images, tables or numbered lists. Checklist items form the last section.
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
    private static final Pattern CHECK_ITEM = Pattern.compile("- \\[ ] (.+?)\\s*\\{#([a-z0-9-]+)}\\s*");
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

        Body body = parseBody(lines, end + 1);
        return new Briefing(id, lang, fields.get("title"), fields.getOrDefault("summary", ""), phase, level, topics,
                reviewed, sources, body.blocks, body.checklistTitle, body.checklist);
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

    private record Body(List<Block> blocks, String checklistTitle, List<ChecklistItem> checklist) {
    }

    private static Body parseBody(String[] lines, int start) {
        List<Block> blocks = new ArrayList<>();
        List<ChecklistItem> checklist = new ArrayList<>();
        Set<String> checkIds = new HashSet<>();
        String checklistTitle = "";
        int headingLine = 0;
        int headingBlocks = 0;
        boolean inChecklist = false;
        int i = start;
        while (i < lines.length) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank()) {
                i++;
                continue;
            }
            checkNoHtml(line, lineNo);
            if (line.startsWith("## ") || line.startsWith("### ")) {
                if (headingLine > 0 && headingBlocks == 0) {
                    throw new BriefingFormatException(headingLine, "the section is empty");
                }
                if (inChecklist) {
                    throw new BriefingFormatException(lineNo, "the checklist must be the last section");
                }
                int level = line.startsWith("### ") ? 3 : 2;
                String title = line.substring(level + 1).trim();
                if (title.isEmpty()) {
                    throw new BriefingFormatException(lineNo, "the heading is empty");
                }
                headingLine = lineNo;
                headingBlocks = 0;
                if (level == 2 && i + 1 < lines.length && nextNonBlankIsCheckItem(lines, i + 1)) {
                    inChecklist = true;
                    checklistTitle = title;
                } else {
                    blocks.add(new Block.Heading(level, title));
                }
                i++;
                continue;
            }
            if (line.startsWith("#")) {
                throw new BriefingFormatException(lineNo, "only ## and ### headings are allowed");
            }
            if (line.startsWith("- [")) {
                Matcher m = CHECK_ITEM.matcher(line);
                if (!m.matches()) {
                    throw new BriefingFormatException(lineNo, "a checklist item must be \"- [ ] text {#item-id}\"");
                }
                if (!inChecklist) {
                    throw new BriefingFormatException(lineNo, "checklist items belong in the last section");
                }
                if (!checkIds.add(m.group(2))) {
                    throw new BriefingFormatException(lineNo, "checklist id " + m.group(2) + " is used twice");
                }
                checklist.add(new ChecklistItem(m.group(2), m.group(1).trim()));
                headingBlocks++;
                i++;
                continue;
            }
            if (inChecklist) {
                throw new BriefingFormatException(lineNo, "the checklist section may hold only checklist items");
            }
            if (line.startsWith("- ")) {
                List<List<Inline>> items = new ArrayList<>();
                while (i < lines.length && lines[i].startsWith("- ")) {
                    checkNoHtml(lines[i], i + 1);
                    if (lines[i].startsWith("- [")) {
                        throw new BriefingFormatException(i + 1, "checklist items belong in the last section");
                    }
                    items.add(inlines(lines[i].substring(2).trim(), i + 1));
                    i++;
                }
                blocks.add(new Block.BulletList(items));
            } else if (line.startsWith(">")) {
                StringBuilder text = new StringBuilder();
                int first = lineNo;
                while (i < lines.length && lines[i].startsWith(">")) {
                    checkNoHtml(lines[i], i + 1);
                    text.append(text.length() > 0 ? " " : "").append(lines[i].substring(1).trim());
                    i++;
                }
                blocks.add(new Block.Callout(inlines(text.toString(), first)));
            } else if (line.matches("\\d+[.)] .*")) {
                throw new BriefingFormatException(lineNo, "numbered lists are not allowed; use - bullets");
            } else if (line.startsWith("|") || line.startsWith("![")) {
                throw new BriefingFormatException(lineNo, "tables and images are not allowed");
            } else {
                StringBuilder text = new StringBuilder();
                int first = lineNo;
                while (i < lines.length && !lines[i].isBlank() && !isBlockStart(lines[i])) {
                    checkNoHtml(lines[i], i + 1);
                    text.append(text.length() > 0 ? " " : "").append(lines[i].trim());
                    i++;
                }
                blocks.add(new Block.Paragraph(inlines(text.toString(), first)));
            }
            headingBlocks++;
        }
        if (headingLine > 0 && headingBlocks == 0) {
            throw new BriefingFormatException(headingLine, "the section is empty");
        }
        if (blocks.isEmpty()) {
            throw new BriefingFormatException(start + 1, "the briefing has no body");
        }
        return new Body(blocks, checklistTitle, checklist);
    }

    private static boolean nextNonBlankIsCheckItem(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return lines[i].startsWith("- [");
            }
        }
        return false;
    }

    private static boolean isBlockStart(String line) {
        return line.startsWith("#") || line.startsWith("- ") || line.startsWith(">");
    }

    private static void checkNoHtml(String line, int lineNo) {
        for (int i = 0; i + 1 < line.length(); i++) {
            char next = line.charAt(i + 1);
            if (line.charAt(i) == '<' && (Character.isLetter(next) || next == '/' || next == '!')) {
                throw new BriefingFormatException(lineNo, "raw HTML is not allowed");
            }
        }
    }

    private static void checkUrl(String url, int lineNo) {
        if (!url.startsWith("https://") || url.length() <= "https://".length() || url.chars().anyMatch(
                c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`')) {
            throw new BriefingFormatException(lineNo, "a link must be a full https:// address without spaces");
        }
    }

    /** Parses inline markup: **bold**, *italic*, [text](https://…). */
    static List<Inline> inlines(String text, int lineNo) {
        List<Inline> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '*' && text.startsWith("**", i)) {
                int close = text.indexOf("**", i + 2);
                if (close < 0 || close == i + 2) {
                    throw new BriefingFormatException(lineNo, "unclosed or empty ** bold");
                }
                flush(plain, out);
                out.add(new Inline.Bold(text.substring(i + 2, close)));
                i = close + 2;
            } else if (c == '*') {
                int close = text.indexOf('*', i + 1);
                if (close < 0 || close == i + 1) {
                    throw new BriefingFormatException(lineNo, "unclosed or empty * italic");
                }
                flush(plain, out);
                out.add(new Inline.Italic(text.substring(i + 1, close)));
                i = close + 1;
            } else if (c == '[') {
                int closeText = text.indexOf(']', i + 1);
                if (closeText < 0 || closeText + 1 >= text.length() || text.charAt(closeText + 1) != '(') {
                    throw new BriefingFormatException(lineNo, "malformed link: expected [text](https://…)");
                }
                int closeUrl = text.indexOf(')', closeText + 2);
                if (closeUrl < 0) {
                    throw new BriefingFormatException(lineNo, "malformed link: the address is not closed by )");
                }
                String label = text.substring(i + 1, closeText);
                String url = text.substring(closeText + 2, closeUrl);
                if (label.isBlank()) {
                    throw new BriefingFormatException(lineNo, "malformed link: the link text is empty");
                }
                checkUrl(url, lineNo);
                flush(plain, out);
                out.add(new Inline.Link(label, url));
                i = closeUrl + 1;
            } else if (c == ']') {
                throw new BriefingFormatException(lineNo, "malformed link: ] without [");
            } else {
                plain.append(c);
                i++;
            }
        }
        flush(plain, out);
        return out;
    }

    private static void flush(StringBuilder plain, List<Inline> out) {
        if (plain.length() > 0) {
            out.add(new Inline.Text(plain.toString()));
            plain.setLength(0);
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
