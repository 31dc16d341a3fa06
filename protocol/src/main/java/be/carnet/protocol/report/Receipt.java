package be.carnet.protocol.report;

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
     * Verifies a receipt for the sealed report {@code sealedSha256} / {@code reportId}.
     *
     * @throws ReportRejectedException if it is not signed by the pinned agency key or does not match
     */
    public static Receipt verify(byte[] untrustedReceipt, Ed25519PublicKey agencyKey, String reportId,
                                 String sealedSha256) {
        try {
            JsonObject o = SignedEnvelope.open(untrustedReceipt, agencyKey, TYPE, MAX_BYTES).payload();
            JsonFields f = JsonFields.of(o, "receipt").onlyKeys(KEYS);
            Receipt receipt = new Receipt(f.string("reportId", 36), f.string("missionId", 64),
                    f.string("deviceKeyId", 16), f.string("sealedSha256", 64), Instant.parse(f.string("receivedAt", 40)),
                    f.integer("logPosition", 1, Long.MAX_VALUE), f.string("agencyKeyId", 16));
            if (!receipt.reportId().equals(reportId)) {
                throw new ReportRejectedException("the receipt is for another report");
            }
            if (!receipt.sealedSha256().equals(sealedSha256)) {
                throw new ReportRejectedException("the receipt is for other bytes than the report sent");
            }
            return receipt;
        } catch (SignatureException | JsonFormatException | DateTimeParseException e) {
            throw new ReportRejectedException("the receipt is not valid: " + e.getMessage(), e);
        }
    }
}
