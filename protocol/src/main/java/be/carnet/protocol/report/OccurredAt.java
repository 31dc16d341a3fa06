package be.carnet.protocol.report;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reading an incident's {@code occurredAt} (formats.md 4.4): the traveller's local date and time with its
 * UTC offset, {@code YYYY-MM-DDTHH:MM±HH:MM}, or {@code …Z} for offset zero, as the traveller's app writes
 * it; seconds and a fraction are read too. The wire keeps the text (the protocol checks only its length),
 * so a reader that needs the instant parses it here and never compares the text: {@code …14:05+08:00} is
 * earlier than {@code …07:30+01:00}.
 */
public final class OccurredAt {

    private OccurredAt() {
    }

    /** The date, time and offset of {@code text}; empty when it is not such a time (or longer than allowed). */
    public static Optional<OffsetDateTime> parse(String text) {
        if (text == null || text.length() > Incident.MAX_OCCURRED_AT) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
