package be.carnet.client.incident;

import be.carnet.client.form.FieldError;
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
        return validate(input, List.of(), "");
    }

    /**
     * Validates the whole form.
     *
     * @param devices the traveller's trip devices: the device field must be one of them, or empty
     * @param amends the report id the entry corrects (from the draft, never from the form), or empty
     */
    public static Result validate(IncidentInput input, List<String> devices, String amends) {
        List<FieldError> errors = new ArrayList<>();
        Category category = oneOf(errors, "category", input.category(), Category::parse, "T01–T13, T99");
        Severity severity = oneOf(errors, "severity", input.severity(), Severity::parse, "S0–S4");
        Tlp tlp = oneOf(errors, "tlp", input.tlp(), Tlp::parse,
                String.join(", ", Arrays.stream(Tlp.values()).map(Tlp::label).toList()));
        String occurredAt = occurredAt(errors, input.occurredAt(), input.zone());
        String place = text(errors, "place", input.place(), Incident.MAX_PLACE, false, false);
        String device = device(errors, input.device(), devices);
        String description = text(errors, "description", input.description(), Incident.MAX_DESCRIPTION, true, true);
        String actionsTaken = text(errors, "actionsTaken", input.actionsTaken(), Incident.MAX_ACTIONS, false, true);
        String accounts = text(errors, "accounts", input.accounts(), Incident.MAX_ACCOUNTS, false, true);
        boolean approximate = box(errors, "approximate", input.approximate());
        boolean ongoing = box(errors, "ongoing", input.ongoing());
        Integer outOfSight = outOfSight(errors, input.outOfSightHours(), input.outOfSightMinutes(), category);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new Incident(category, severity, tlp, occurredAt, approximate, place, device, description,
                actionsTaken, ongoing, outOfSight, accounts, amends, List.of()), List.of());
    }

    /**
     * The quick log: a category, one line and a severity, at the current time in {@code zone}, marked AMBER.
     * The traveller completes the rest later in the draft.
     */
    public static Result quick(String category, String severity, String line, String nowLocal, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        Category c = oneOf(errors, "category", category, Category::parse, "T01–T13, T99");
        Severity s = oneOf(errors, "severity", severity, Severity::parse, "S0–S4");
        String text = text(errors, "line", line, MAX_LINE, true, false);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        String occurredAt = LocalDateTime.parse(nowLocal).atZone(zone).toOffsetDateTime().format(STORED);
        return new Result(new Incident(c, s, Tlp.AMBER, occurredAt, "", text), List.of());
    }

    /** Longest quick-log line. */
    public static final int MAX_LINE = 200;
    /** Longest time out of sight the form takes, in hours. */
    public static final int MAX_OUT_OF_SIGHT_HOURS = Incident.MAX_OUT_OF_SIGHT_MINUTES / 60;

    private static String device(List<FieldError> errors, String value, List<String> devices) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (!devices.contains(value)) {
            errors.add(FieldError.of("device", "deviceOneOf"));
            return null;
        }
        return value;
    }

    private static boolean box(List<FieldError> errors, String field, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (!IncidentInput.ticked(value)) {
            errors.add(FieldError.of(field, "checkbox"));
        }
        return IncidentInput.ticked(value);
    }

    /** Hours and minutes out of sight; both empty means not given. Only for T02 and T03. */
    private static Integer outOfSight(List<FieldError> errors, String hours, String minutes, Category category) {
        boolean noHours = hours == null || hours.isBlank();
        boolean noMinutes = minutes == null || minutes.isBlank();
        if (noHours && noMinutes) {
            return null;
        }
        Integer h = noHours ? Integer.valueOf(0) : wholeNumber(hours.strip(), MAX_OUT_OF_SIGHT_HOURS);
        Integer m = noMinutes ? Integer.valueOf(0) : wholeNumber(minutes.strip(), 59);
        if (h == null || m == null || h * 60 + m > Incident.MAX_OUT_OF_SIGHT_MINUTES) {
            errors.add(FieldError.of("outOfSight", "outOfSightRange", MAX_OUT_OF_SIGHT_HOURS));
            return null;
        }
        if (category != null && !Incident.tracksOutOfSight(category)) {
            errors.add(FieldError.of("outOfSight", "outOfSightCategory"));
            return null;
        }
        return h * 60 + m;
    }

    private static Integer wholeNumber(String text, int max) {
        if (!text.matches("[0-9]{1,4}")) {
            return null;
        }
        int value = Integer.parseInt(text);
        return value <= max ? value : null;
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
