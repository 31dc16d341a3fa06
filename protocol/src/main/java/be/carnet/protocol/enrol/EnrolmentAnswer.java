package be.carnet.protocol.enrol;

import be.carnet.protocol.age.Age;
import be.carnet.protocol.age.AgeException;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.age.X25519Recipient;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.json.StrictBase64;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.protocol.sign.SignatureException;
import be.carnet.protocol.sign.SignedEnvelope;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The agency's answer to an enrolment ({@code "type":"carnet.enrolment/1"}), signed by the agency
 * key it carries. The device accepts it only if that key's fingerprint matches the code.
 *
 * <p>{@code missionKey} is the mission's age identity (the key briefing bundles are encrypted to),
 * itself age-encrypted to the device's recipient, so only this device can read it.
 *
 * @param missionId the mission
 * @param missionName its display name
 * @param travellerAlias the name or alias the agency enrolled the traveller under
 * @param deviceKeyId key id of the enrolled device key
 * @param agencySigningKey the agency's Ed25519 public key, to pin
 * @param agencyReportRecipient where reports are encrypted to
 * @param sealedMissionKey the mission identity, age-encrypted to the device
 * @param issuedAt when the agency answered
 */
public record EnrolmentAnswer(String missionId, String missionName, String travellerAlias, String deviceKeyId,
                              Ed25519PublicKey agencySigningKey, X25519Recipient agencyReportRecipient,
                              byte[] sealedMissionKey, Instant issuedAt) {

    public static final String TYPE = "carnet.enrolment/1";
    public static final int MAX_BYTES = 16 * 1024;
    private static final Set<String> KEYS = Set.of("type", "missionId", "missionName", "travellerAlias", "deviceKeyId",
            "agencySigningKey", "agencyReportRecipient", "missionKey", "issuedAt");

    /** Builds the answer, sealing {@code missionIdentity} to {@code deviceRecipient}. */
    public static EnrolmentAnswer create(String missionId, String missionName, String travellerAlias,
                                         Ed25519PublicKey deviceKey, X25519Recipient deviceRecipient,
                                         Ed25519PublicKey agencySigningKey, X25519Recipient agencyReportRecipient,
                                         X25519Identity missionIdentity, Instant issuedAt) {
        byte[] sealed = Age.encrypt(missionIdentity.encoded().getBytes(StandardCharsets.US_ASCII), deviceRecipient);
        return new EnrolmentAnswer(missionId, missionName, travellerAlias, deviceKey.keyId(), agencySigningKey,
                agencyReportRecipient, sealed, issuedAt);
    }

    public byte[] sign(Ed25519KeyPair agencyKey) {
        JsonObject o = new JsonObject();
        o.addProperty("type", TYPE);
        o.addProperty("missionId", missionId);
        o.addProperty("missionName", missionName);
        o.addProperty("travellerAlias", travellerAlias);
        o.addProperty("deviceKeyId", deviceKeyId);
        o.addProperty("agencySigningKey", agencySigningKey.base64());
        o.addProperty("agencyReportRecipient", agencyReportRecipient.encoded());
        o.addProperty("missionKey", StrictBase64.encode(sealedMissionKey));
        o.addProperty("issuedAt", issuedAt.toString());
        return SignedEnvelope.sign(o, agencyKey);
    }

    /**
     * Verifies an answer on the device: signed by the key it carries, that key matches the code's
     * fingerprint, and it enrols this device.
     */
    public static EnrolmentAnswer verify(byte[] untrustedAnswer, EnrolmentCode code, Ed25519PublicKey deviceKey) {
        try {
            SignedEnvelope.Unverified unverified = SignedEnvelope.parse(untrustedAnswer, MAX_BYTES);
            Ed25519PublicKey claimedAgency = Ed25519PublicKey.fromBase64(
                    JsonFields.of(unverified.untrustedPayload(), "enrolment").string("agencySigningKey", 64));
            if (!code.matchesAgencyKey(claimedAgency)) {
                throw new WrongAgencyException();
            }
            JsonObject o = unverified.verify(claimedAgency, TYPE).payload();
            JsonFields f = JsonFields.of(o, "enrolment").onlyKeys(KEYS);
            EnrolmentAnswer answer = new EnrolmentAnswer(f.string("missionId", 64), f.string("missionName", 200),
                    f.string("travellerAlias", 200), f.string("deviceKeyId", 16), claimedAgency,
                    X25519Recipient.parse(f.string("agencyReportRecipient", 100)),
                    StrictBase64.decode(f.string("missionKey", 4096), "enrolment.missionKey"), Instant.parse(f.string("issuedAt", 40)));
            if (!answer.deviceKeyId().equals(deviceKey.keyId())) {
                throw new EnrolmentException("the answer enrols another device");
            }
            if (!Age.stanzaTypes(answer.sealedMissionKey).equals(List.of(X25519Recipient.TYPE))) {
                throw new EnrolmentException("enrolment.missionKey must be sealed to exactly one recipient, this"
                        + " device (one X25519 stanza, formats.md 4.2)");
            }
            return answer;
        } catch (SignatureException | JsonFormatException | AgeException | DateTimeParseException
                 | IllegalArgumentException e) {
            throw new EnrolmentException("the enrolment answer is not valid: " + e.getMessage(), e);
        }
    }

    /** Decrypts the mission identity with the device identity. */
    public X25519Identity openMissionKey(X25519Identity deviceIdentity) {
        try {
            return X25519Identity.parse(new String(Age.decrypt(sealedMissionKey, deviceIdentity),
                    StandardCharsets.US_ASCII));
        } catch (AgeException e) {
            throw new EnrolmentException("the mission key cannot be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] sealedMissionKey() {
        return sealedMissionKey.clone();
    }
}
