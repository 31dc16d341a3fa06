package be.carnet.protocol.report;

import be.carnet.protocol.json.CanonicalJson;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.protocol.sign.SignatureException;
import be.carnet.protocol.sign.SignedEnvelope;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The agency's signed acknowledgement of one sealed report ({@code "type":"carnet.receipt/1"}).
 * The traveller's app deletes nothing local without a receipt that verifies.
 *
 * @param reportId the report acknowledged
 * @param missionId its mission
 * @param deviceKeyId the device that signed it
 * @param sealedSha256 hex SHA-256 of the sealed bytes exactly as received
 * @param receivedAt when the agency first stored them
 * @param logPosition the report's position in the agency's intake log, from 1
 * @param agencyKeyId the key that signs this receipt
 */
public record Receipt(String reportId, String missionId, String deviceKeyId, String sealedSha256, Instant receivedAt,
                      long logPosition, String agencyKeyId) {

    public static final String TYPE = "carnet.receipt/1";
    public static final int MAX_BYTES = 8 * 1024;
    private static final Set<String> KEYS = Set.of("type", "reportId", "missionId", "deviceKeyId", "sealedSha256",
            "receivedAt", "logPosition", "agencyKeyId");

    /** The signed receipt bytes. */
    public byte[] sign(Ed25519KeyPair agencyKey) {
        JsonObject o = new JsonObject();
        o.addProperty("type", TYPE);
        o.addProperty("reportId", reportId);
        o.addProperty("missionId", missionId);
        o.addProperty("deviceKeyId", deviceKeyId);
        o.addProperty("sealedSha256", sealedSha256);
        o.addProperty("receivedAt", receivedAt.toString());
        o.addProperty("logPosition", logPosition);
        o.addProperty("agencyKeyId", agencyKeyId);
        return SignedEnvelope.sign(o, agencyKey);
    }

    /**
     * What a receipt must acknowledge: the report the device sent, from which device, in which mission, and the
     * exact sealed bytes. The agency key the receipt must name is the key that verifies it.
     *
     * @param reportId the id of the report sent
     * @param missionId the mission the device is enrolled in
     * @param deviceKeyId the key id of the device's own signing key
     * @param sealedSha256 hex SHA-256 of the exact sealed bytes sent
     */
    public record Expected(String reportId, String missionId, String deviceKeyId, String sealedSha256) {
    }

    /**
     * Verifies a receipt: a {@code carnet.receipt/1} envelope signed by the pinned {@code agencyKey}, naming that
     * key as {@code agencyKeyId}, and acknowledging exactly {@code expected} (report id, mission, device key id
     * and sealed bytes). Every place that accepts or re-checks a receipt calls this, so none can skip a field.
     *
     * @throws ReportRejectedException naming the first field that does not match, or why the receipt is invalid
     */
    public static Receipt verify(byte[] untrustedReceipt, Ed25519PublicKey agencyKey, Expected expected) {
        Receipt receipt;
        try {
            JsonObject o = SignedEnvelope.open(untrustedReceipt, agencyKey, TYPE, MAX_BYTES).payload();
            JsonFields f = JsonFields.of(o, "receipt").onlyKeys(KEYS);
            receipt = new Receipt(f.string("reportId", 36), f.string("missionId", 64),
                    f.string("deviceKeyId", 16), f.string("sealedSha256", 64), Instant.parse(f.string("receivedAt", 40)),
                    f.integer("logPosition", 1, CanonicalJson.MAX_SAFE_INTEGER), f.string("agencyKeyId", 16));
        } catch (SignatureException | JsonFormatException | DateTimeParseException e) {
            throw new ReportRejectedException("the receipt is not valid: " + e.getMessage(), e);
        }
        if (!receipt.agencyKeyId().equals(agencyKey.keyId())) {
            throw new ReportRejectedException("the receipt's agencyKeyId names another agency key than the one that"
                    + " signed it");
        }
        if (!receipt.reportId().equals(expected.reportId())) {
            throw new ReportRejectedException("the receipt's reportId names another report than the one sent");
        }
        if (!receipt.missionId().equals(expected.missionId())) {
            throw new ReportRejectedException("the receipt's missionId names another mission than the device's");
        }
        if (!receipt.deviceKeyId().equals(expected.deviceKeyId())) {
            throw new ReportRejectedException("the receipt's deviceKeyId names another device than this one");
        }
        if (!receipt.sealedSha256().equals(expected.sealedSha256())) {
            throw new ReportRejectedException("the receipt's sealedSha256 is for other bytes than the report sent");
        }
        return receipt;
    }
}
