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
 * A device asking to enrol ({@code "type":"carnet.enrol-request/1"}), signed by the new device key
 * to prove the device holds it. The same fields, signed under {@code "type":"carnet.enrol-confirm/1"},
 * are the device's confirmation: sent only after it has verified the agency's
 * {@link EnrolmentOffer}, it is what makes the agency spend the code (docs/formats.md section 6).
 *
 * @param codeSecret the secret part of the enrolment code
 * @param deviceSigningKey the device's new Ed25519 public key
 * @param deviceRecipient the device's new age X25519 recipient
 * @param requestedAt the device's clock when it asked
 */
public record EnrolmentRequest(String codeSecret, Ed25519PublicKey deviceSigningKey, X25519Recipient deviceRecipient,
                               Instant requestedAt) {

    public static final String TYPE = "carnet.enrol-request/1";
    public static final String CONFIRM_TYPE = "carnet.enrol-confirm/1";
    public static final int MAX_BYTES = 4 * 1024;
    private static final Set<String> KEYS = Set.of("type", "codeSecret", "deviceSigningKey", "deviceRecipient",
            "requestedAt");

    /** The signed request; {@code deviceKey} must be the key named in it. */
    public byte[] sign(Ed25519KeyPair deviceKey) {
        return sign(deviceKey, TYPE);
    }

    /** The signed confirmation (same fields as the request); {@code deviceKey} must be the key named in it. */
    public byte[] signConfirmation(Ed25519KeyPair deviceKey) {
        return sign(deviceKey, CONFIRM_TYPE);
    }

    private byte[] sign(Ed25519KeyPair deviceKey, String type) {
        if (!deviceKey.publicKey().equals(deviceSigningKey)) {
            throw new IllegalArgumentException("the request must be signed by the key it enrols");
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        o.addProperty("codeSecret", codeSecret);
        o.addProperty("deviceSigningKey", deviceSigningKey.base64());
        o.addProperty("deviceRecipient", deviceRecipient.encoded());
        o.addProperty("requestedAt", requestedAt.toString());
        return SignedEnvelope.sign(o, deviceKey);
    }

    /** Verifies a request at the agency: well-formed and signed by the key it names. */
    public static EnrolmentRequest verify(byte[] untrustedRequest) {
        return verify(untrustedRequest, TYPE, "request");
    }

    /** Verifies a confirmation at the agency: well-formed and signed by the key it names. */
    public static EnrolmentRequest verifyConfirmation(byte[] untrustedConfirmation) {
        return verify(untrustedConfirmation, CONFIRM_TYPE, "confirmation");
    }

    private static EnrolmentRequest verify(byte[] untrustedRequest, String type, String what) {
        try {
            SignedEnvelope.Unverified unverified = SignedEnvelope.parse(untrustedRequest, MAX_BYTES);
            JsonObject claimed = unverified.untrustedPayload();
            Ed25519PublicKey claimedKey = Ed25519PublicKey.fromBase64(
                    JsonFields.of(claimed, what).string("deviceSigningKey", 64));
            JsonObject o = unverified.verify(claimedKey, type).payload();
            JsonFields f = JsonFields.of(o, what).onlyKeys(KEYS);
            return new EnrolmentRequest(f.string("codeSecret", EnrolmentCode.SECRET_LENGTH), claimedKey,
                    X25519Recipient.parse(f.string("deviceRecipient", 100)), Instant.parse(f.string("requestedAt", 40)));
        } catch (SignatureException | JsonFormatException | AgeException | DateTimeParseException e) {
            throw new EnrolmentException("the enrolment " + what + " is not valid: " + e.getMessage(), e);
        }
    }
}
