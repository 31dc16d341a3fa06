package be.carnet.protocol.report;

import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the traveller logged. Validated on construction: every instance obeys the limits below.
 *
 * @param category what kind of event
 * @param severity how bad, by the traveller's criterion
 * @param tlp who may see it
 * @param occurredAt when, as the traveller's local date-time with offset (ISO 8601), free of seconds
 * @param approximate true when the traveller marked the time as approximate
 * @param place where, free text (never GPS)
 * @param device which trip device was involved, from the traveller's own list; empty for none
 * @param description what happened
 * @param actionsTaken what the traveller has done already; may be empty
 * @param ongoing true when it is still going on
 * @param outOfSightMinutes how long a device was out of sight (T02 and T03 only), or {@code null}
 * @param accounts the accounts involved, free text; may be empty
 * @param amends the report id of the entry this one corrects (an addendum), or empty
 * @param attachments files attached, at most {@link Attachment#MAX_COUNT}, {@link Attachment#MAX_TOTAL_BYTES} in all
 */
public record Incident(Category category, Severity severity, Tlp tlp, String occurredAt, boolean approximate,
                       String place, String device, String description, String actionsTaken, boolean ongoing,
                       Integer outOfSightMinutes, String accounts, String amends, List<Attachment> attachments) {

    public static final int MAX_OCCURRED_AT = 40;
    public static final int MAX_PLACE = 200;
    public static final int MAX_DEVICE = 100;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_ACTIONS = 5_000;
    public static final int MAX_ACCOUNTS = 1_000;
    /** Longest time out of sight, in minutes (30 days). */
    public static final int MAX_OUT_OF_SIGHT_MINUTES = 30 * 24 * 60;
    private static final Set<String> KEYS = Set.of("category", "severity", "tlp", "occurredAt", "approximate", "place",
            "device", "description", "actionsTaken", "ongoing", "outOfSightMinutes", "accounts", "amends",
            "attachments");

    public Incident {
        if (category == null || severity == null || tlp == null) {
            throw new IllegalArgumentException("category, severity and tlp are required");
        }
        check("occurredAt", occurredAt, MAX_OCCURRED_AT);
        check("place", place, MAX_PLACE);
        check("device", device, MAX_DEVICE);
        check("description", description, MAX_DESCRIPTION);
        check("actionsTaken", actionsTaken, MAX_ACTIONS);
        check("accounts", accounts, MAX_ACCOUNTS);
        check("amends", amends, 36);
        if (!amends.isEmpty() && !Report.isValidId(amends)) {
            throw new IllegalArgumentException("amends must be empty or a report id");
        }
        if (outOfSightMinutes != null) {
            if (!tracksOutOfSight(category)) {
                throw new IllegalArgumentException("outOfSightMinutes is only for T02 and T03");
            }
            if (outOfSightMinutes < 0 || outOfSightMinutes > MAX_OUT_OF_SIGHT_MINUTES) {
                throw new IllegalArgumentException("outOfSightMinutes must be between 0 and " + MAX_OUT_OF_SIGHT_MINUTES);
            }
        }
        attachments = List.copyOf(attachments);
        if (attachments.size() > Attachment.MAX_COUNT) {
            throw new IllegalArgumentException("at most " + Attachment.MAX_COUNT + " attachments");
        }
        long total = 0;
        for (Attachment a : attachments) {
            total += a.size();
        }
        if (total > Attachment.MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException("the attachments must total at most " + Attachment.MAX_TOTAL_BYTES + " bytes");
        }
    }

    /** An incident with only the first fields of the form: the rest empty, nothing attached. */
    public Incident(Category category, Severity severity, Tlp tlp, String occurredAt, String place, String description) {
        this(category, severity, tlp, occurredAt, false, place, "", description, "", false, null, "", "", List.of());
    }

    /** Whether the form asks how long a device was out of sight for {@code category} (T02 and T03). */
    public static boolean tracksOutOfSight(Category category) {
        return category == Category.T02 || category == Category.T03;
    }

    /** The same incident with other attachments. */
    public Incident withAttachments(List<Attachment> replaced) {
        return new Incident(category, severity, tlp, occurredAt, approximate, place, device, description, actionsTaken,
                ongoing, outOfSightMinutes, accounts, amends, replaced);
    }

    private static void check(String field, String value, int max) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
    }

    /** The incident as the JSON object a report carries (section 4.4 of formats.md). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("category", category.name());
        o.addProperty("severity", severity.name());
        o.addProperty("tlp", tlp.name());
        o.addProperty("occurredAt", occurredAt);
        o.addProperty("approximate", approximate);
        o.addProperty("place", place);
        o.addProperty("device", device);
        o.addProperty("description", description);
        o.addProperty("actionsTaken", actionsTaken);
        o.addProperty("ongoing", ongoing);
        if (outOfSightMinutes != null) {
            o.addProperty("outOfSightMinutes", outOfSightMinutes);
        }
        o.addProperty("accounts", accounts);
        o.addProperty("amends", amends);
        JsonArray list = new JsonArray();
        attachments.forEach(a -> list.add(a.toJson()));
        o.add("attachments", list);
        return o;
    }

    /**
     * Reads an incident strictly. The fields added after the first version of {@code carnet.report/1}
     * ({@code approximate}, {@code device}, {@code actionsTaken}, {@code ongoing}, {@code outOfSightMinutes},
     * {@code accounts}, {@code amends}, {@code attachments}) are optional on read, with the empty value as
     * default, so reports signed before them still verify and read; writers always write them (all but
     * {@code outOfSightMinutes}, which is written only when known).
     */
    public static Incident fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o, "incident").onlyKeys(KEYS);
        try {
            List<Attachment> attachments = new ArrayList<>();
            if (f.has("attachments")) {
                for (JsonElement e : f.array("attachments", Attachment.MAX_COUNT)) {
                    if (!e.isJsonObject()) {
                        throw new JsonFormatException("incident.attachments must hold objects");
                    }
                    attachments.add(Attachment.fromJson(e.getAsJsonObject()));
                }
            }
            Integer outOfSight = f.has("outOfSightMinutes")
                    ? (int) f.integer("outOfSightMinutes", 0, MAX_OUT_OF_SIGHT_MINUTES) : null;
            return new Incident(Category.parse(f.string("category", 3)), Severity.parse(f.string("severity", 2)),
                    Tlp.parse(f.string("tlp", 20)), f.string("occurredAt", MAX_OCCURRED_AT),
                    f.has("approximate") && f.bool("approximate"), f.string("place", MAX_PLACE),
                    optional(f, "device", MAX_DEVICE), f.string("description", MAX_DESCRIPTION),
                    optional(f, "actionsTaken", MAX_ACTIONS), f.has("ongoing") && f.bool("ongoing"), outOfSight,
                    optional(f, "accounts", MAX_ACCOUNTS), optional(f, "amends", 36), attachments);
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("incident: " + e.getMessage(), e);
        }
    }

    private static String optional(JsonFields f, String name, int max) {
        return f.has(name) ? f.string(name, max) : "";
    }
}
