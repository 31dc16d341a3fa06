package be.carnet.protocol.briefing;

import java.util.List;

/** A block of a briefing body. */
public sealed interface Block {

    /** A heading: level 2 ({@code ## }) or 3 ({@code ### }). */
    record Heading(int level, String text) implements Block {
    }

    /** A paragraph. */
    record Paragraph(List<Inline> content) implements Block {
        public Paragraph {
            content = List.copyOf(content);
        }
    }

    /** A bullet list; each item is a list of inline runs. */
    record BulletList(List<List<Inline>> items) implements Block {
        public BulletList {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** A callout ({@code > }): a warning or the reason behind advice. */
    record Callout(List<Inline> content) implements Block {
        public Callout {
            content = List.copyOf(content);
        }
    }
}
