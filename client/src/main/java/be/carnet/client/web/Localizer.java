package be.carnet.client.web;

import be.carnet.client.form.FieldError;

import be.carnet.i18n.Language;
import be.carnet.i18n.Translator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Messages, numbers and dates in the traveller's language, for templates and controllers. Every visible
 * string comes from the catalogues through here. Templates print its results with {@code ${…}}, so
 * the translation and the user data in its placeholders are escaped alike. Immutable.
 */
public final class Localizer {

    private final Translator translator;
    private final ZoneId zone;

    public Localizer(Translator translator, ZoneId zone) {
        this.translator = translator;
        this.zone = zone;
    }

    public Language language() {
        return translator.language();
    }

    /**
     * The message {@code key}; numbers among {@code args} are formatted in this language. A key with
     * plural forms takes the one its first argument (the count) asks for.
     */
    public String text(String key, Object... args) {
        Object[] formatted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            formatted[i] = args[i] instanceof Integer || args[i] instanceof Long
                    ? number(((Number) args[i]).longValue()) : args[i];
        }
        String form = args.length > 0 && args[0] instanceof Number count ? translator.form(key, count.longValue()) : key;
        return translator.t(form, formatted);
    }

    /** The message {@code key} with arguments given as a list. */
    public String text(String key, List<Object> args) {
        return text(key, args.toArray());
    }

    /** A field error as one sentence: the field's label and the rule it broke. */
    public String fieldError(FieldError error) {
        return text("error.field", text("client.field." + error.field()), text("client.rule." + error.rule(), error.args()));
    }

    public String number(long value) {
        return translator.number(value);
    }

    /** An instant as a medium date and time in the app's zone. */
    public String dateTime(Instant instant) {
        return translator.dateTime(instant, zone);
    }

    /** The day of an instant in the app's zone, in its long form (14 mars 2026). */
    public String day(Instant instant) {
        return date(instant.atZone(zone).toLocalDate());
    }

    /** A date in its long form (14 mars 2026). */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(translator.language().locale())
                .format(date);
    }

    /** A stored ISO local date-time with offset, shown as the traveller entered it, with its offset. */
    public String occurredAt(String iso) {
        try {
            OffsetDateTime when = OffsetDateTime.parse(iso);
            String local = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(translator.language().locale()).format(when.toLocalDateTime());
            String offset = when.getOffset().getTotalSeconds() == 0 ? "UTC" : "UTC" + when.getOffset().getId();
            return local + " (" + offset + ")";
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
