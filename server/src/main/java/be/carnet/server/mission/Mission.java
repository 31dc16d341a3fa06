package be.carnet.server.mission;

import be.carnet.protocol.age.X25519Recipient;
import java.time.Instant;

/**
 * A mission as staff see it; its secret key stays in {@link MissionService}.
 *
 * @param id random UUID
 * @param name display name, 1 to 120 characters
 * @param destination where it goes, 0 to 120 characters
 * @param recipient the mission's age recipient, which briefing bundles are encrypted to
 * @param createdAt when it was created
 */
public record Mission(String id, String name, String destination, X25519Recipient recipient, Instant createdAt) {
}
