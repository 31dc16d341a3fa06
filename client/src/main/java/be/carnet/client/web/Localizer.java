package be.carnet.client.web;

import be.carnet.client.form.FieldError;

import be.carnet.i18n.Language;
import be.carnet.i18n.Times;
import be.carnet.i18n.Translator;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Messages, numbers and dates in the traveller's language, for templates and controllers. Every visible
 * string comes from the catalogues through here. Templates print its results with {@code ${…}}, so
 * the translation and the user data in its placeholders are escaped alike. Immutable.
 */
public final class Localizer {

    private final Translator translator;
    private final Supplier<ZoneId> zone;

    /**
     * @param zone the traveller's current zone, asked only when a time without a zone of its own is shown
     */
    public Localizer(Translator translator, Supplier<ZoneId> zone) {
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

    /** Times and zone names in this language (the one formatter of both apps). */
    public Times times() {
        return translator.times();
    }

    /** An instant that has no zone of its own (a receipt, the enrolment) in the traveller's current zone, named. */
    public String dateTime(Instant instant) {
        return translator.times().inZone(instant, zone.get());
    }

    /**
     * An instant of an incident (when it was logged) in the zone the traveller chose for it, named; in the
     * traveller's current zone when it has none.
     */
    public String dateTime(Instant instant, String zoneId) {
        return translator.times().inZone(instant, knownZone(zoneId).orElseGet(zone));
    }

    /** The day of an instant in the traveller's current zone, in its long form (14 mars 2026). */
    public String day(Instant instant) {
        return date(instant.atZone(zone.get()).toLocalDate());
    }

    /** A date in its long form (14 mars 2026). */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(translator.language().locale())
                .format(date);
    }

    /**
     * An incident's stored {@code occurredAt} (local date-time with offset) as the traveller entered it, in the
     * zone they chose, named: 12 nov. 2026 14:05 (Pékin, UTC+8); with its offset alone when no zone was kept.
     */
    public String occurredAt(String iso, String zoneId) {
        return translator.times().occurredAt(iso, zoneId);
    }

    private static Optional<ZoneId> knownZone(String zoneId) {
        if (zoneId == null || zoneId.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zoneId));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
