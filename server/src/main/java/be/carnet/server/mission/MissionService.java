package be.carnet.server.mission;

import be.carnet.protocol.Randomness;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.age.X25519Recipient;
import be.carnet.server.form.InvalidInputException;
import be.carnet.server.storage.AuditLog;
import be.carnet.server.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Missions and their keys. Each mission has its own age identity: briefing bundles are encrypted to
 * its recipient, and enrolment hands the identity to each enrolled device. Thread-safe.
 */
public final class MissionService {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESTINATION = 120;

    private final Database database;
    private final Clock clock;

    public MissionService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** {@link #create(String, String, String)} by the system (seeding, demos). */
    public Mission create(String name, String destination) {
        return create("system", name, destination);
    }

    /**
     * Creates a mission with a new key.
     *
     * @param actor the staff member, for the audit log
     * @throws InvalidInputException if the name or destination breaks a rule
     */
    public Mission create(String actor, String name, String destination) {
        String cleanName = checkText("field.mission.name", "name", name, 1, MAX_NAME);
        String cleanDestination = checkText("field.mission.destination", "destination",
                destination == null ? "" : destination, 0, MAX_DESTINATION);
        X25519Identity identity = X25519Identity.generate();
        String id = Randomness.uuid();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO missions "
                    + "(id, name, destination, mission_identity, mission_recipient, created_at_ms) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, cleanName);
                insert.setString(3, cleanDestination);
                insert.setString(4, identity.encoded());
                insert.setString(5, identity.recipient().encoded());
                insert.setLong(6, now.toEpochMilli());
                insert.executeUpdate();
            }
            AuditLog.record(c, now, actor, "mission.create", "mission " + id);
            return null;
        });
        return new Mission(id, cleanName, cleanDestination, identity.recipient(), now);
    }

    /** Every mission, newest first. */
    public List<Mission> list() {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT id, name, destination, mission_recipient, "
                    + "created_at_ms FROM missions ORDER BY created_at_ms DESC, name");
                 ResultSet rows = query.executeQuery()) {
                List<Mission> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(mission(rows));
                }
                return out;
            }
        });
    }

    /** The mission {@code id}, if it exists. */
    public Optional<Mission> find(String id) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT id, name, destination, mission_recipient, "
                    + "created_at_ms FROM missions WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(mission(rows)) : Optional.empty();
                }
            }
        });
    }

    /** The mission {@code id}. @throws UnknownMissionException if there is none */
    public Mission get(String id) {
        return find(id).orElseThrow(() -> new UnknownMissionException(id));
    }

    /** The age recipient briefing bundles for mission {@code id} are encrypted to. */
    public X25519Recipient missionRecipient(String id) {
        return get(id).recipient();
    }

    /**
     * The mission's secret age identity, for sealing it to an enrolled device. A secret: never log it,
     * never show it.
     */
    public X25519Identity missionIdentity(String id) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT mission_identity FROM missions WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        throw new UnknownMissionException(id);
                    }
                    return X25519Identity.parse(rows.getString(1));
                }
            }
        });
    }

    private static Mission mission(ResultSet rows) throws SQLException {
        // Only the public recipient: list and show pages never load the mission's secret key.
        X25519Recipient recipient = X25519Recipient.parse(rows.getString(4));
        return new Mission(rows.getString(1), rows.getString(2), rows.getString(3), recipient,
                Instant.ofEpochMilli(rows.getLong(5)));
    }

    /**
     * Strips {@code value} and checks its length and that it has no control characters.
     *
     * @return the stripped value
     */
    public static String checkText(String fieldKey, String field, String value, int min, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.length() < min) {
            throw new InvalidInputException(fieldKey, "rule.required", field + " is required");
        }
        if (clean.length() > max) {
            throw new InvalidInputException(fieldKey, "rule.length.max",
                    field + " must be at most " + max + " characters", max);
        }
        for (int i = 0; i < clean.length(); i++) {
            if (Character.isISOControl(clean.charAt(i))) {
                throw new InvalidInputException(fieldKey, "rule.noControl",
                        field + " must not contain control characters");
            }
        }
        return clean;
    }
}
