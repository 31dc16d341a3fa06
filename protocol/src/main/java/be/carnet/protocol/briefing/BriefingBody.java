package be.carnet.protocol.briefing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.node.Visitor;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The body of a briefing file: CommonMark (parsed by commonmark-java) restricted to the subset that
 * docs/formats.md allows. Every node outside that subset is refused with the line it starts on, so an
 * author never ships markup that the app would drop or render differently.
 *
 * <p>Allowed: {@code ##} and {@code ###} headings of plain text, paragraphs, bullet lists whose items
 * are one paragraph, block quotes (callouts) of paragraphs, {@code **strong**}, {@code *emphasis*},
 * links to full https addresses with plain text, backslash escapes and entities. The checklist is a
 * level-2 heading followed by one bullet list whose items all read {@code [ ] text {#item-id}}; it
 * must be the last section.
 *
 * <p>Stateless and thread-safe.
 */
final class BriefingBody {

    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    /** A {@code ](} whose {@code ]} is not escaped: left in text, it is a link CommonMark could not read. */
    private static final Pattern UNREAD_LINK = Pattern.compile("(?<!\\\\)]\\(");
    private static final Pattern CHECK_ITEM = Pattern.compile("\\[ ] (.+?)\\s*\\{#([a-z0-9-]+)}\\s*");

    /**
     * A parsed body.
     *
     * @param blocks the body without the checklist
     * @param checklistTitle the checklist heading, or empty
     * @param checklist the checklist items in order
     */
    record Parsed(List<Block> blocks, String checklistTitle, List<Briefing.ChecklistItem> checklist) {
    }

    private final String[] lines;
    private final int firstLine;

    private BriefingBody(String[] lines, int firstLine) {
        this.lines = lines;
        this.firstLine = firstLine;
    }

    /**
     * Parses the body.
     *
     * @param lines every line of the file
     * @param start the index in {@code lines} of the body's first line
     * @throws BriefingFormatException naming the file's line and the rule
     */
    static Parsed parse(String[] lines, int start) {
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, start, lines.length));
        return new BriefingBody(lines, start).read(PARSER.parse(body));
    }

    private Parsed read(Node document) {
        List<Block> blocks = new ArrayList<>();
        List<Briefing.ChecklistItem> checklist = new ArrayList<>();
        String checklistTitle = "";
        int headingLine = 0;
        int sectionBlocks = 0;
        boolean inChecklist = false;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int line = lineOf(node);
            if (inChecklist) {
                throw new BriefingFormatException(line, node instanceof Heading
                        ? "the checklist must be the last section"
                        : "the checklist section may hold only checklist items");
            }
            if (node instanceof Heading heading) {
                String title = headingText(heading, line);
                if (headingLine > 0 && sectionBlocks == 0) {
                    throw new BriefingFormatException(headingLine, "the section is empty");
                }
                headingLine = line;
                sectionBlocks = 0;
                if (heading.getLevel() == 2 && isChecklist(heading.getNext())) {
                    checklistTitle = title;
                    checklist.addAll(checklistItems((BulletList) heading.getNext()));
                    node = heading.getNext();
                    inChecklist = true;
                    sectionBlocks++;
                } else {
                    blocks.add(new Block.Heading(heading.getLevel(), title));
                }
                continue;
            }
            blocks.add(block(node, line));
            sectionBlocks++;
        }
        if (headingLine > 0 && sectionBlocks == 0) {
            throw new BriefingFormatException(headingLine, "the section is empty");
        }
        if (blocks.isEmpty()) {
            throw new BriefingFormatException(firstLine + 1, "the briefing has no body");
        }
        return new Parsed(blocks, checklistTitle, checklist);
    }

    private Block block(Node node, int line) {
        if (node instanceof org.commonmark.node.Paragraph paragraph) {
            if (sourceLine(line).stripLeading().startsWith("|")) {
                throw new BriefingFormatException(line, "tables and images are not allowed");
            }
            return new Block.Paragraph(inlines(paragraph));
        }
        if (node instanceof BulletList list) {
            if (isChecklist(list)) {
                throw new BriefingFormatException(line, "checklist items belong in the last section");
            }
            List<List<Inline>> items = new ArrayList<>();
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                items.add(inlines(onlyParagraph(item)));
            }
            return new Block.BulletList(items);
        }
        if (node instanceof BlockQuote quote) {
            List<Inline> content = new ArrayList<>();
            for (Node child = quote.getFirstChild(); child != null; child = child.getNext()) {
                if (!(child instanceof org.commonmark.node.Paragraph paragraph)) {
                    throw new BriefingFormatException(lineOf(child), "a callout (>) may hold only paragraphs");
                }
                if (!content.isEmpty()) {
                    content.add(new Inline.Text(" "));
                }
                content.addAll(inlines(paragraph));
            }
            return new Block.Callout(merge(content));
        }
        throw new BriefingFormatException(line, refusal(node));
    }

    private String headingText(Heading heading, int line) {
        if (heading.getLevel() != 2 && heading.getLevel() != 3) {
            throw new BriefingFormatException(line, "only ## and ### headings are allowed");
        }
        if (!sourceLine(line).startsWith("#")) {
            throw new BriefingFormatException(line, "headings are written ## or ###, not underlined");
        }
        String title = plainText(heading, line, "a heading is plain text, without markup").trim();
        if (title.isEmpty()) {
            throw new BriefingFormatException(line, "the heading is empty");
        }
        return title;
    }

    private static boolean isChecklist(Node node) {
        if (!(node instanceof BulletList list)) {
            return false;
        }
        Node item = list.getFirstChild();
        Node first = item == null ? null : item.getFirstChild();
        return first != null && first.getFirstChild() instanceof Text text && text.getLiteral().startsWith("[");
    }

    private List<Briefing.ChecklistItem> checklistItems(BulletList list) {
        List<Briefing.ChecklistItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            int line = lineOf(item);
            String rule = "a checklist item must be \"- [ ] text {#item-id}\"";
            Matcher m = CHECK_ITEM.matcher(plainText(onlyParagraph(item), line, rule));
            if (!m.matches()) {
                throw new BriefingFormatException(line, rule);
            }
            if (!ids.add(m.group(2))) {
                throw new BriefingFormatException(line, "checklist id " + m.group(2) + " is used twice");
            }
            items.add(new Briefing.ChecklistItem(m.group(2), m.group(1).trim()));
        }
        return items;
    }

    private org.commonmark.node.Paragraph onlyParagraph(Node item) {
        Node child = item.getFirstChild();
        if (child instanceof org.commonmark.node.Paragraph paragraph && child.getNext() == null) {
            return paragraph;
        }
        Node offending = child == null ? item : (child instanceof org.commonmark.node.Paragraph ? child.getNext() : child);
        throw new BriefingFormatException(lineOf(offending),
                "a list item is one paragraph: no nested lists, callouts or second paragraphs");
    }

    /** The text of a node whose children may only be text and line breaks. */
    private String plainText(Node parent, int line, String rule) {
        StringBuilder out = new StringBuilder();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text text) {
                out.append(text.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.append(' ');
            } else {
                throw new BriefingFormatException(lineOf(child, line), rule);
            }
        }
        return out.toString();
    }

    private List<Inline> inlines(Node parent) {
        InlineReader reader = new InlineReader(lineOf(parent));
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            child.accept(reader);
        }
        return merge(reader.out);
    }

    /** Joins adjacent plain runs (commonmark splits text at every delimiter it considered). */
    private static List<Inline> merge(List<Inline> runs) {
        List<Inline> out = new ArrayList<>();
        for (Inline run : runs) {
            if (run instanceof Inline.Text text && !out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text last) {
                out.set(out.size() - 1, new Inline.Text(last.text() + text.text()));
            } else {
                out.add(run);
            }
        }
        return out;
    }

    /**
     * Turns one paragraph's inline nodes into runs. A {@link Visitor} rather than an
     * {@code AbstractVisitor}: every node type must be answered here, so a node the subset does not
     * name can never slip through by default.
     */
    private final class InlineReader implements Visitor {
        private final List<Inline> out = new ArrayList<>();
        private final int paragraphLine;

        InlineReader(int paragraphLine) {
            this.paragraphLine = paragraphLine;
        }

        @Override
        public void visit(Text text) {
            if (UNREAD_LINK.matcher(rawSource(text)).find()) {
                throw new BriefingFormatException(lineOf(text, paragraphLine),
                        "malformed link: expected [text](https://…) with a full https:// address");
            }
            out.add(new Inline.Text(text.getLiteral()));
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            out.add(new Inline.Text(" "));
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            out.add(new Inline.Text(" "));
        }

        @Override
        public void visit(StrongEmphasis strong) {
            out.add(new Inline.Bold(styled(strong, "** bold")));
        }

        @Override
        public void visit(Emphasis emphasis) {
            out.add(new Inline.Italic(styled(emphasis, "* italic")));
        }

        private String styled(Node node, String what) {
            int line = lineOf(node, paragraphLine);
            String text = plainText(node, line, what + " holds plain text only (no nested markup or links)");
            if (text.isBlank()) {
                throw new BriefingFormatException(line, "empty " + what);
            }
            return text;
        }

        @Override
        public void visit(Link link) {
            int line = lineOf(link, paragraphLine);
            String label = plainText(link, line, "a link's text is plain text, without markup");
            if (label.isBlank()) {
                throw new BriefingFormatException(line, "malformed link: the link text is empty");
            }
            Briefing.checkUrl(link.getDestination(), line);
            out.add(new Inline.Link(label, link.getDestination()));
        }

        @Override
        public void visit(Image image) {
            refuse(image);
        }

        @Override
        public void visit(Code code) {
            refuse(code);
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            refuse(htmlInline);
        }

        @Override
        public void visit(CustomNode customNode) {
            refuse(customNode);
        }

        @Override
        public void visit(BlockQuote blockQuote) {
            refuse(blockQuote);
        }

        @Override
        public void visit(BulletList bulletList) {
            refuse(bulletList);
        }

        @Override
        public void visit(Document document) {
            refuse(document);
        }

        @Override
        public void visit(FencedCodeBlock fencedCodeBlock) {
            refuse(fencedCodeBlock);
        }

        @Override
        public void visit(Heading heading) {
            refuse(heading);
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            refuse(thematicBreak);
        }

        @Override
        public void visit(HtmlBlock htmlBlock) {
            refuse(htmlBlock);
        }

        @Override
        public void visit(IndentedCodeBlock indentedCodeBlock) {
            refuse(indentedCodeBlock);
        }

        @Override
        public void visit(LinkReferenceDefinition linkReferenceDefinition) {
            refuse(linkReferenceDefinition);
        }

        @Override
        public void visit(ListItem listItem) {
            refuse(listItem);
        }

        @Override
        public void visit(OrderedList orderedList) {
            refuse(orderedList);
        }

        @Override
        public void visit(org.commonmark.node.Paragraph paragraph) {
            refuse(paragraph);
        }

        @Override
        public void visit(CustomBlock customBlock) {
            refuse(customBlock);
        }

        private void refuse(Node node) {
            throw new BriefingFormatException(lineOf(node, paragraphLine), refusal(node));
        }
    }

    private static String refusal(Node node) {
        if (node instanceof HtmlBlock || node instanceof HtmlInline) {
            return "raw HTML is not allowed";
        }
        if (node instanceof OrderedList) {
            return "numbered lists are not allowed; use - bullets";
        }
        if (node instanceof Image) {
            return "tables and images are not allowed";
        }
        if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof Code) {
            return "code is not allowed (a line indented by four spaces is code: remove the indent)";
        }
        if (node instanceof ThematicBreak) {
            return "horizontal rules are not allowed";
        }
        return "this markup is not allowed in a briefing";
    }

    /** The file line (1-based) a node starts on. */
    private int lineOf(Node node) {
        return lineOf(node, firstLine + 1);
    }

    private int lineOf(Node node, int fallback) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? fallback : firstLine + spans.get(0).getLineIndex() + 1;
    }

    /** The node's text as written in the file (escapes included), from its source spans. */
    private String rawSource(Node node) {
        StringBuilder raw = new StringBuilder();
        for (SourceSpan span : node.getSourceSpans()) {
            String line = sourceLine(firstLine + span.getLineIndex() + 1);
            int from = Math.min(span.getColumnIndex(), line.length());
            raw.append(line, from, Math.min(from + span.getLength(), line.length()));
        }
        return raw.toString();
    }

    private String sourceLine(int fileLine) {
        return fileLine - 1 < lines.length ? lines[fileLine - 1] : "";
    }
}
