package be.carnet.protocol.report;

import be.carnet.protocol.json.CanonicalJson;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The signed content of one report ({@code "type":"carnet.report/1"}).
 *
 * @param reportId random UUID, the idempotency key of sync
 * @param missionId the mission the device is enrolled in
 * @param deviceKeyId key id of the device's Ed25519 key, which signs the report
 * @param agencyKeyId key id of the agency signing key the device pinned at enrolment
 * @param sequence position in the device's journal, from 1
 * @param previousHash hex SHA-256 of the previous entry's signed bytes; 64 zeros for the first
 * @param createdAt when the entry was made ready on the device
 * @param incident what was logged
 */
public record Report(String reportId, String missionId, String deviceKeyId, String agencyKeyId, long sequence,
                     String previousHash, Instant createdAt, Incident incident) {

    public static final String TYPE = "carnet.report/1";
    public static final String FIRST_PREVIOUS_HASH = "0".repeat(64);
    private static final Pattern ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> KEYS = Set.of("type", "reportId", "missionId", "deviceKeyId", "agencyKeyId",
            "sequence", "previousHash", "createdAt", "incident");

    public Report {
        if (!isValidId(reportId)) {
            throw new IllegalArgumentException("reportId must be a lowercase UUID");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1");
        }
        if (!previousHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("previousHash must be 64 lowercase hex digits");
        }
    }

    /** The one rule for report ids, the idempotency key of sync: a UUID in lowercase canonical text. */
    public static boolean isValidId(String reportId) {
        return reportId != null && ID.matcher(reportId).matches();
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("type", TYPE);
        o.addProperty("reportId", reportId);
        o.addProperty("missionId", missionId);
        o.addProperty("deviceKeyId", deviceKeyId);
        o.addProperty("agencyKeyId", agencyKeyId);
        o.addProperty("sequence", sequence);
        o.addProperty("previousHash", previousHash);
        o.addProperty("createdAt", createdAt.toString());
        o.add("incident", incident.toJson());
        return o;
    }

    /** Reads a verified payload; refuses unknown fields and values out of range. */
    public static Report fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o, "report").onlyKeys(KEYS);
        f.constant("type", TYPE);
        try {
            return new Report(f.string("reportId", 36), f.string("missionId", 64), f.string("deviceKeyId", 16),
                    f.string("agencyKeyId", 16), f.integer("sequence", 1, CanonicalJson.MAX_SAFE_INTEGER),
                    f.string("previousHash", 64), Instant.parse(f.string("createdAt", 40)),
                    Incident.fromJson(f.object("incident")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new JsonFormatException("report: " + e.getMessage(), e);
        }
    }
}
