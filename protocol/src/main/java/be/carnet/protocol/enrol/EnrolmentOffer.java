package be.carnet.protocol.enrol;

import be.carnet.protocol.age.AgeException;
import be.carnet.protocol.age.X25519Recipient;
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
 * The agency's first answer to an enrolment request ({@code "type":"carnet.enrolment-offer/1"}): what it
 * would enrol the device as, signed by the agency key it carries, with no mission key in it. The code is
 * not spent yet: the device verifies the offer exactly as it will verify the final {@link EnrolmentAnswer}
 * (the key matches the code's fingerprint, the signature, the device), and only then sends its
 * confirmation, which spends the code. A typo, an impostor or a lost answer therefore never burns a code.
 *
 * @param missionId the mission the device would join
 * @param missionName its display name
 * @param travellerAlias the name or alias the code was issued for
 * @param deviceKeyId key id of the device key that asked
 * @param agencySigningKey the agency's Ed25519 public key
 * @param agencyReportRecipient where reports will be encrypted to
 * @param issuedAt when the agency answered
 */
public record EnrolmentOffer(String missionId, String missionName, String travellerAlias, String deviceKeyId,
                             Ed25519PublicKey agencySigningKey, X25519Recipient agencyReportRecipient,
                             Instant issuedAt) {

    public static final String TYPE = "carnet.enrolment-offer/1";
    public static final int MAX_BYTES = 8 * 1024;
    private static final Set<String> KEYS = Set.of("type", "missionId", "missionName", "travellerAlias", "deviceKeyId",
            "agencySigningKey", "agencyReportRecipient", "issuedAt");

    public byte[] sign(Ed25519KeyPair agencyKey) {
        JsonObject o = new JsonObject();
        o.addProperty("type", TYPE);
        o.addProperty("missionId", missionId);
        o.addProperty("missionName", missionName);
        o.addProperty("travellerAlias", travellerAlias);
        o.addProperty("deviceKeyId", deviceKeyId);
        o.addProperty("agencySigningKey", agencySigningKey.base64());
        o.addProperty("agencyReportRecipient", agencyReportRecipient.encoded());
        o.addProperty("issuedAt", issuedAt.toString());
        return SignedEnvelope.sign(o, agencyKey);
    }

    /**
     * Verifies an offer on the device: the key it carries matches the code's fingerprint (checked first),
     * the envelope is signed by that key, and the offer is for this device.
     *
     * @throws WrongAgencyException if the key does not match the code's fingerprint
     * @throws EnrolmentException if the offer is malformed, badly signed, or for another device
     */
    public static EnrolmentOffer verify(byte[] untrustedOffer, EnrolmentCode code, Ed25519PublicKey deviceKey) {
        try {
            SignedEnvelope.Unverified unverified = SignedEnvelope.parse(untrustedOffer, MAX_BYTES);
            Ed25519PublicKey claimedAgency = Ed25519PublicKey.fromBase64(
                    JsonFields.of(unverified.untrustedPayload(), "offer").string("agencySigningKey", 64));
            if (!code.matchesAgencyKey(claimedAgency)) {
                throw new WrongAgencyException();
            }
            JsonFields f = JsonFields.of(unverified.verify(claimedAgency, TYPE).payload(), "offer").onlyKeys(KEYS);
            EnrolmentOffer offer = new EnrolmentOffer(f.string("missionId", 64), f.string("missionName", 200),
                    f.string("travellerAlias", 200), f.string("deviceKeyId", 16), claimedAgency,
                    X25519Recipient.parse(f.string("agencyReportRecipient", 100)),
                    Instant.parse(f.string("issuedAt", 40)));
            if (!offer.deviceKeyId().equals(deviceKey.keyId())) {
                throw new EnrolmentException("the offer enrols another device");
            }
            return offer;
        } catch (SignatureException | JsonFormatException | AgeException | DateTimeParseException
                 | IllegalArgumentException e) {
            throw new EnrolmentException("the enrolment offer is not valid: " + e.getMessage(), e);
        }
    }

    /** True when {@code answer} enrols the device as this offer said it would (same mission, alias and keys). */
    public boolean isHonouredBy(EnrolmentAnswer answer) {
        return missionId.equals(answer.missionId()) && travellerAlias.equals(answer.travellerAlias())
                && deviceKeyId.equals(answer.deviceKeyId()) && agencySigningKey.equals(answer.agencySigningKey())
                && agencyReportRecipient.equals(answer.agencyReportRecipient());
    }
}
