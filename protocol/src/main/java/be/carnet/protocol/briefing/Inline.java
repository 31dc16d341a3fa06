package be.carnet.protocol.briefing;

/** A run of text inside a paragraph, list item, callout or checklist item. */
public sealed interface Inline {

    /** The visible text, without markup. */
    String text();

    /** Plain text. */
    record Text(String text) implements Inline {
    }

    /** Strong emphasis ({@code **…**}). */
    record Bold(String text) implements Inline {
    }

    /** Emphasis ({@code *…*}). */
    record Italic(String text) implements Inline {
    }

    /** A link to an https address ({@code [text](https://…)}). */
    record Link(String text, String url) implements Inline {
    }
}
