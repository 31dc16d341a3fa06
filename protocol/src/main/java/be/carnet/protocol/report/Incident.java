package be.carnet.protocol.report;

import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import com.google.gson.JsonObject;
import java.util.Set;

/**
 * What the traveller logged. Validated on construction: every instance obeys the limits below.
 *
 * @param category what kind of event
 * @param severity how bad, by the traveller's criterion
 * @param tlp who may see it
 * @param occurredAt when, as the traveller's local date-time with offset (ISO 8601), free of seconds
 * @param place where, free text (never GPS)
 * @param description what happened
 */
public record Incident(Category category, Severity severity, Tlp tlp, String occurredAt, String place,
                       String description) {

    public static final int MAX_OCCURRED_AT = 40;
    public static final int MAX_PLACE = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    private static final Set<String> KEYS = Set.of("category", "severity", "tlp", "occurredAt", "place", "description");

    public Incident {
        if (category == null || severity == null || tlp == null) {
            throw new IllegalArgumentException("category, severity and tlp are required");
        }
        check("occurredAt", occurredAt, MAX_OCCURRED_AT);
        check("place", place, MAX_PLACE);
        check("description", description, MAX_DESCRIPTION);
    }

    private static void check(String field, String value, int max) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("category", category.name());
        o.addProperty("severity", severity.name());
        o.addProperty("tlp", tlp.name());
        o.addProperty("occurredAt", occurredAt);
        o.addProperty("place", place);
        o.addProperty("description", description);
        return o;
    }

    static Incident fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o, "incident").onlyKeys(KEYS);
        try {
            return new Incident(Category.parse(f.string("category", 3)), Severity.parse(f.string("severity", 2)),
                    Tlp.parse(f.string("tlp", 20)), f.string("occurredAt", MAX_OCCURRED_AT),
                    f.string("place", MAX_PLACE), f.string("description", MAX_DESCRIPTION));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("incident: " + e.getMessage(), e);
        }
    }
}
