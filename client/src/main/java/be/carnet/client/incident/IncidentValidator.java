package be.carnet.client.incident;

import be.carnet.client.web.FieldError;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the incident form at the edge, with named rules. Every broken rule becomes a
 * {@link FieldError}; an input with none becomes an {@link Incident}. Stateless.
 */
public final class IncidentValidator {

    public static final int MAX_ZONE = 64;
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final DateTimeFormatter STRICT_INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss[.SSSSSSSSS]]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private IncidentValidator() {
    }

    /** The result: exactly one of {@code incident} and a non-empty {@code errors}. */
    public record Result(Incident incident, List<FieldError> errors) {

        public boolean valid() {
            return incident != null;
        }
    }

    public static Result validate(IncidentInput input) {
        List<FieldError> errors = new ArrayList<>();
        Category category = oneOf(errors, "category", input.category(), Category::parse, "T01–T13, T99");
        Severity severity = oneOf(errors, "severity", input.severity(), Severity::parse, "S0–S4");
        Tlp tlp = oneOf(errors, "tlp", input.tlp(), Tlp::parse,
                String.join(", ", Arrays.stream(Tlp.values()).map(Tlp::label).toList()));
        String occurredAt = occurredAt(errors, input.occurredAt(), input.zone());
        String place = text(errors, "place", input.place(), Incident.MAX_PLACE, false, false);
        String description = text(errors, "description", input.description(), Incident.MAX_DESCRIPTION, true, true);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new Incident(category, severity, tlp, occurredAt, place, description), List.of());
    }

    private interface Parser<T> {
        T parse(String code);
    }

    private static <T> T oneOf(List<FieldError> errors, String field, String value, Parser<T> parser, String allowed) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "required"));
            return null;
        }
        try {
            return parser.parse(value);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "oneOf", allowed));
            return null;
        }
    }

    /** The local date-time in the zone, as ISO 8601 with offset and without seconds. */
    private static String occurredAt(List<FieldError> errors, String dateTime, String zone) {
        ZoneId zoneId = null;
        if (zone == null || zone.isBlank()) {
            errors.add(FieldError.of("zone", "required"));
        } else if (zone.length() > MAX_ZONE || !ZONES.contains(zone)) {
            errors.add(FieldError.of("zone", "zone"));
        } else {
            zoneId = ZoneId.of(zone);
        }
        if (dateTime == null || dateTime.isBlank()) {
            errors.add(FieldError.of("occurredAt", "required"));
            return null;
        }
        LocalDateTime local;
        try {
            if (!DATE_TIME.matcher(dateTime).matches()) {
                throw new DateTimeException("not an ISO local date-time");
            }
            local = LocalDateTime.parse(dateTime, STRICT_INPUT).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeException e) {
            errors.add(FieldError.of("occurredAt", "dateTime"));
            return null;
        }
        return zoneId == null ? null : local.atZone(zoneId).toOffsetDateTime().format(STORED);
    }

    private static String text(List<FieldError> errors, String field, String value, int max, boolean required,
                               boolean multiline) {
        String text = value == null ? "" : value;
        if (multiline) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        } else {
            text = text.strip();
        }
        if (required && text.isBlank()) {
            errors.add(FieldError.of(field, "required"));
            return null;
        }
        if (text.length() > max) {
            errors.add(FieldError.of(field, "maxLength", max));
            return null;
        }
        if (hasForbiddenCharacters(text, multiline)) {
            errors.add(FieldError.of(field, "controlCharacters"));
            return null;
        }
        return text;
    }

    /** Control characters (tab and line feed allowed in multi-line text) and bidirectional overrides. */
    static boolean hasForbiddenCharacters(String text, boolean multiline) {
        return text.codePoints().anyMatch(c -> {
            if (multiline && (c == '\n' || c == '\t')) {
                return false;
            }
            return Character.getType(c) == Character.CONTROL
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        });
    }
}
