package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.storage.StorageException;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Incident;
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

    private static final Set<String> KEYS = Set.of("incident", "createdAt", "zone", "files");
    /** The flat layout written before the incident was nested (still read). */
    private static final Set<String> FLAT_EXTRA_KEYS = Set.of("createdAt", "zone", "attachments");
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

    /**
     * {@code {"incident": <the report's incident JSON, no attachment>, "createdAt", "zone", "files": [{rowId,
     * name, mediaType, size, sha256}]}}: the incident in the one layout the protocol defines, and beside it
     * what only this device keeps.
     */
    byte[] encode() {
        JsonObject o = new JsonObject();
        o.add("incident", incident.toJson());
        o.addProperty("createdAt", createdAt.toString());
        o.addProperty("zone", zone);
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
        o.add("files", list);
        return o.toString().getBytes(UTF_8);
    }

    /**
     * Reads what {@link #encode()} wrote, or the flat layout of the first builds (the incident's fields at the
     * top level next to {@code createdAt}, {@code zone} and {@code attachments}).
     *
     * @throws StorageException if the decrypted value is not such a record (it was written by this app, so
     *     this means a bug or a damaged store; the message names the field, never its value)
     */
    static StoredFields decode(byte[] bytes) {
        try {
            JsonObject o = JsonParser.parseString(new String(bytes, UTF_8)).getAsJsonObject();
            boolean nested = o.has("incident");
            JsonFields f = JsonFields.of(o, "fields");
            JsonObject incident;
            if (nested) {
                f.onlyKeys(KEYS);
                incident = f.object("incident");
            } else {
                incident = o.deepCopy();
                FLAT_EXTRA_KEYS.forEach(incident::remove);
            }
            String filesKey = nested ? "files" : "attachments";
            List<AttachmentInfo> attachments = new ArrayList<>();
            for (JsonElement e : f.has(filesKey) ? f.array(filesKey, Attachment.MAX_COUNT) : new JsonArray()) {
                JsonFields a = JsonFields.of(e.getAsJsonObject(), "fields.files[]").onlyKeys(ATTACHMENT_KEYS);
                attachments.add(new AttachmentInfo(a.integer("rowId", 1, Long.MAX_VALUE), a.string("name", Attachment.MAX_NAME),
                        a.string("mediaType", 129), a.integer("size", 0, Attachment.MAX_BYTES), a.string("sha256", 64)));
            }
            return new StoredFields(Incident.fromJson(incident), Instant.parse(f.string("createdAt", 40)), attachments,
                    f.has("zone") ? f.string("zone", IncidentValidator.MAX_ZONE) : "");
        } catch (JsonFormatException | IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
            throw new StorageException("stored incident fields are not valid: " + e.getMessage());
        }
    }
}
