package be.carnet.server.enrolment;

import be.carnet.protocol.age.X25519Recipient;
import be.carnet.protocol.sign.Ed25519PublicKey;
import java.time.Instant;

/**
 * An enrolled device: one traveller's app for one mission.
 *
 * @param keyId key id of its signing key
 * @param missionId the mission it is enrolled in
 * @param alias the traveller's name or alias, from the code
 * @param signingKey the key its reports are signed with
 * @param recipient its age recipient
 * @param enrolledAt when it enrolled
 */
public record Device(String keyId, String missionId, String alias, Ed25519PublicKey signingKey,
                     X25519Recipient recipient, Instant enrolledAt) {
}
