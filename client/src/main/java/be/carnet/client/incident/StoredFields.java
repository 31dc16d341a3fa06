package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.storage.StorageException;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sealed {@code fields_sealed} value of a draft or an incident: the incident's fields (its
 * attachments left out), when it was first logged, and its attachments' descriptions. Read strictly.
 *
 * @param incident the fields, with no attachment
 * @param createdAt when it was first logged (the quick log or the form)
 * @param attachments the attached files, in order
 * @param zone the time zone the traveller chose for a draft's time (to show it again), or empty
 */
public record StoredFields(Incident incident, Instant createdAt, List<AttachmentInfo> attachments, String zone) {

    private static final Set<String> KEYS = Set.of("category", "severity", "tlp", "occurredAt", "approximate", "place",
            "device", "description", "actionsTaken", "ongoing", "outOfSightMinutes", "accounts", "amends",
            "createdAt", "attachments", "zone");
    private static final Set<String> ATTACHMENT_KEYS = Set.of("rowId", "name", "mediaType", "size", "sha256");

    public StoredFields {
        if (!incident.attachments().isEmpty()) {
            throw new IllegalArgumentException("stored fields keep attachments apart");
        }
        attachments = List.copyOf(attachments);
    }

    /** The same fields with other attachments. */
    StoredFields withAttachments(List<AttachmentInfo> replaced) {
        return new StoredFields(incident, createdAt, replaced, zone);
    }

    /** Total size of the attachments, in bytes. */
    long attachmentBytes() {
        return attachments.stream().mapToLong(AttachmentInfo::size).sum();
    }

    byte[] encode() {
        Incident i = incident;
        JsonObject o = new JsonObject();
        o.addProperty("category", i.category().name());
        o.addProperty("severity", i.severity().name());
        o.addProperty("tlp", i.tlp().name());
        o.addProperty("occurredAt", i.occurredAt());
        o.addProperty("approximate", i.approximate());
        o.addProperty("place", i.place());
        o.addProperty("device", i.device());
        o.addProperty("description", i.description());
        o.addProperty("actionsTaken", i.actionsTaken());
        o.addProperty("ongoing", i.ongoing());
        if (i.outOfSightMinutes() != null) {
            o.addProperty("outOfSightMinutes", i.outOfSightMinutes());
        }
        o.addProperty("accounts", i.accounts());
        o.addProperty("amends", i.amends());
        o.addProperty("createdAt", createdAt.toString());
        JsonArray list = new JsonArray();
        for (AttachmentInfo a : attachments) {
            JsonObject item = new JsonObject();
            item.addProperty("rowId", a.rowId());
            item.addProperty("name", a.name());
            item.addProperty("mediaType", a.mediaType());
            item.addProperty("size", a.size());
            item.addProperty("sha256", a.sha256());
            list.add(item);
        }
        o.add("attachments", list);
        o.addProperty("zone", zone);
        return o.toString().getBytes(UTF_8);
    }

    private static String optional(JsonFields f, String name, int max) {
        return f.has(name) ? f.string(name, max) : "";
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws StorageException if the decrypted value is not such a record (it was written by this app, so
     *     this means a bug or a damaged store; the message names the field, never its value)
     */
    static StoredFields decode(byte[] bytes) {
        try {
            JsonFields f = JsonFields.of(JsonParser.parseString(new String(bytes, UTF_8)).getAsJsonObject(), "fields")
                    .onlyKeys(KEYS);
            List<AttachmentInfo> attachments = new ArrayList<>();
            for (JsonElement e : f.has("attachments") ? f.array("attachments", Attachment.MAX_COUNT) : new JsonArray()) {
                JsonFields a = JsonFields.of(e.getAsJsonObject(), "fields.attachments[]").onlyKeys(ATTACHMENT_KEYS);
                attachments.add(new AttachmentInfo(a.integer("rowId", 1, Long.MAX_VALUE), a.string("name", Attachment.MAX_NAME),
                        a.string("mediaType", 129), a.integer("size", 0, Attachment.MAX_BYTES), a.string("sha256", 64)));
            }
            Integer outOfSight = f.has("outOfSightMinutes")
                    ? (int) f.integer("outOfSightMinutes", 0, Incident.MAX_OUT_OF_SIGHT_MINUTES) : null;
            // Fields added after the first schema are optional, so entries written before them still read.
            Incident incident = new Incident(Category.parse(f.string("category", 3)), Severity.parse(f.string("severity", 2)),
                    Tlp.parse(f.string("tlp", 20)), f.string("occurredAt", Incident.MAX_OCCURRED_AT),
                    f.has("approximate") && f.bool("approximate"), f.string("place", Incident.MAX_PLACE),
                    optional(f, "device", Incident.MAX_DEVICE), f.string("description", Incident.MAX_DESCRIPTION),
                    optional(f, "actionsTaken", Incident.MAX_ACTIONS), f.has("ongoing") && f.bool("ongoing"), outOfSight,
                    optional(f, "accounts", Incident.MAX_ACCOUNTS), optional(f, "amends", 36), List.of());
            return new StoredFields(incident, Instant.parse(f.string("createdAt", 40)), attachments,
                    optional(f, "zone", IncidentValidator.MAX_ZONE));
        } catch (JsonFormatException | IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
            throw new StorageException("stored incident fields are not valid: " + e.getMessage());
        }
    }
}
