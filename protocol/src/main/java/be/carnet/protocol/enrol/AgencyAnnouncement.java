package be.carnet.protocol.enrol;

import be.carnet.protocol.json.CanonicalJson;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.sign.Ed25519PublicKey;
import com.google.gson.JsonObject;
import java.util.Set;

/**
 * What {@code GET /api/v1/agency} answers: the agency's public signing key, unsigned. A device compares
 * its fingerprint with the code before it sends anything, so a code typed with a typo in its last twelve
 * characters, or sent to the wrong address, is refused on the device without reaching the agency (the
 * binding check stays the signed offer's, {@link EnrolmentOffer#verify}).
 */
public final class AgencyAnnouncement {

    public static final int MAX_BYTES = 1024;
    private static final Set<String> KEYS = Set.of("agencyKeyId", "agencySigningKey");

    private AgencyAnnouncement() {
    }

    /** The canonical JSON for {@code agencyKey}. */
    public static byte[] write(Ed25519PublicKey agencyKey) {
        JsonObject o = new JsonObject();
        o.addProperty("agencyKeyId", agencyKey.keyId());
        o.addProperty("agencySigningKey", agencyKey.base64());
        return CanonicalJson.toBytes(o);
    }

    /**
     * The agency key in an announcement.
     *
     * @throws EnrolmentException if it is not canonical JSON with exactly the two fields, or the key id is
     *     not the key's
     */
    public static Ed25519PublicKey parse(byte[] untrusted) {
        if (untrusted.length > MAX_BYTES) {
            throw new EnrolmentException("the agency announcement is larger than " + MAX_BYTES + " bytes");
        }
        try {
            JsonFields f = JsonFields.of(CanonicalJson.parse(untrusted), "agency").onlyKeys(KEYS);
            Ed25519PublicKey key = Ed25519PublicKey.fromBase64(f.string("agencySigningKey", 64));
            if (!key.keyId().equals(f.string("agencyKeyId", 16))) {
                throw new EnrolmentException("the agency announcement names a key id that is not its key's");
            }
            return key;
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw new EnrolmentException("the agency announcement is not valid: " + e.getMessage(), e);
        }
    }
}
