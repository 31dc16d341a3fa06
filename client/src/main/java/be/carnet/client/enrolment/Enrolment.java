package be.carnet.client.enrolment;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.age.X25519Recipient;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;

/**
 * What this device holds after enrolling: the agency's address and pinned keys, the mission, and the
 * device's own secret keys. Stored only sealed by the vault key; {@link #toString()} shows no secret.
 *
 * @param server the agency server
 * @param missionId the mission id
 * @param missionName its display name
 * @param alias the traveller's name or alias at the agency
 * @param deviceKey the device's Ed25519 signing key (secret)
 * @param deviceIdentity the device's age identity (secret)
 * @param agencyKey the agency signing key, pinned
 * @param reportRecipient the agency report key reports are sealed to
 * @param missionKey the mission's age identity, which opens briefing bundles (secret)
 * @param enrolledAt when this device enrolled
 */
public record Enrolment(URI server, String missionId, String missionName, String alias, Ed25519KeyPair deviceKey,
                        X25519Identity deviceIdentity, Ed25519PublicKey agencyKey, X25519Recipient reportRecipient,
                        X25519Identity missionKey, Instant enrolledAt) {

    static final String FORMAT = "carnet.client.enrolment/1";

    byte[] toBytes() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("server", server.toString());
        o.addProperty("missionId", missionId);
        o.addProperty("missionName", missionName);
        o.addProperty("alias", alias);
        o.addProperty("deviceSeed", Base64.getEncoder().encodeToString(deviceKey.seed()));
        o.addProperty("deviceIdentity", deviceIdentity.encoded());
        o.addProperty("agencyKey", agencyKey.base64());
        o.addProperty("reportRecipient", reportRecipient.encoded());
        o.addProperty("missionKey", missionKey.encoded());
        o.addProperty("enrolledAt", enrolledAt.toString());
        return o.toString().getBytes(UTF_8);
    }

    static Enrolment fromBytes(byte[] bytes) {
        JsonObject o = JsonParser.parseString(new String(bytes, UTF_8)).getAsJsonObject();
        if (!FORMAT.equals(o.get("format").getAsString())) {
            throw new IllegalStateException("the stored enrolment is not in format " + FORMAT);
        }
        return new Enrolment(URI.create(o.get("server").getAsString()), o.get("missionId").getAsString(),
                o.get("missionName").getAsString(), o.get("alias").getAsString(),
                Ed25519KeyPair.fromSeed(Base64.getDecoder().decode(o.get("deviceSeed").getAsString())),
                X25519Identity.parse(o.get("deviceIdentity").getAsString()),
                Ed25519PublicKey.fromBase64(o.get("agencyKey").getAsString()),
                X25519Recipient.parse(o.get("reportRecipient").getAsString()),
                X25519Identity.parse(o.get("missionKey").getAsString()),
                Instant.parse(o.get("enrolledAt").getAsString()));
    }

    @Override
    public String toString() {
        return "Enrolment[mission " + missionId + ", device " + deviceKey.publicKey().keyId() + ", agency "
                + agencyKey.keyId() + "]";
    }
}
