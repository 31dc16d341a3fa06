package be.carnet.server.bundle;

import java.time.Instant;

/**
 * A bundle as published for a mission.
 *
 * @param missionId the mission
 * @param version its manifest version
 * @param sha256 hex SHA-256 of the bundle file
 * @param size its length in bytes
 * @param publishedAt when
 * @param publishedBy the staff member who published it
 */
public record PublishedBundle(String missionId, long version, String sha256, long size, Instant publishedAt,
                              String publishedBy) {
}
