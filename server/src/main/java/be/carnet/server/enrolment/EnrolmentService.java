package be.carnet.server.enrolment;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.age.X25519Recipient;
import be.carnet.protocol.enrol.AgencyAnnouncement;
import be.carnet.protocol.enrol.EnrolmentAnswer;
import be.carnet.protocol.enrol.EnrolmentCode;
import be.carnet.protocol.enrol.EnrolmentException;
import be.carnet.protocol.enrol.EnrolmentOffer;
import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.storage.AuditLog;
import be.carnet.server.storage.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issues one-time enrolment codes and enrols the devices that redeem them, in two phases: an offer that
 * spends nothing, then the device's confirmation, which spends the code. Only the SHA-256 of a code's
 * secret part is stored; the code is shown once, to the admin who issued it. Thread-safe.
 */
public final class EnrolmentService {

    public static final Duration CODE_LIFETIME = Duration.ofDays(30);
    public static final int MAX_ALIAS = 120;
    static final String SYSTEM_ACTOR = "system";

    private final Database database;
    private final MissionService missions;
    private final AgencyKeys keys;
    private final Clock clock;

    public EnrolmentService(Database database, MissionService missions, AgencyKeys keys, Clock clock) {
        this.database = database;
        this.missions = missions;
        this.keys = keys;
        this.clock = clock;
    }

    /** {@link #issueCode(String, String, String)} by the system (seeding, demos). */
    public String issueCode(String missionId, String alias) {
        return issueCode(SYSTEM_ACTOR, missionId, alias);
    }

    /**
     * Issues a code for one traveller of mission {@code missionId}, valid {@link #CODE_LIFETIME}.
     *
     * @return the code as printed ({@code XXXX-XXXX-…}); it is not stored and cannot be shown again
     * @throws be.carnet.server.form.InvalidInputException if the alias breaks a rule
     * @throws be.carnet.server.mission.UnknownMissionException if there is no such mission
     */
    public String issueCode(String actor, String missionId, String alias) {
        String cleanAlias = MissionService.checkText("field.alias", "alias", alias, 1, MAX_ALIAS);
        missions.get(missionId);
        EnrolmentCode code = EnrolmentCode.generate(keys.signing().publicKey());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO enrolment_codes "
                    + "(code_hash, mission_id, alias, created_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, secretHash(code.secret()));
                insert.setString(2, missionId);
                insert.setString(3, cleanAlias);
                insert.setLong(4, now.toEpochMilli());
                insert.setLong(5, now.plus(CODE_LIFETIME).toEpochMilli());
                insert.executeUpdate();
            }
            AuditLog.record(c, now, actor, "code.issue", "mission " + missionId + ", alias " + cleanAlias);
            return null;
        });
        return code.formatted();
    }

    /**
     * Answers a device's enrolment request with what it would be enrolled as, signed, without spending the
     * code or recording anything: the first of the two phases (docs/formats.md section 6). The same checks
     * as {@link #confirm} are made, so a code that would be refused there is refused here.
     *
     * @return the signed {@code carnet.enrolment-offer/1} envelope
     * @throws MalformedEnrolmentException if the request is malformed or not signed by the key it names
     * @throws CodeRejectedException if the code is unknown, expired, or used by another device
     */
    public byte[] offer(byte[] untrustedRequest) {
        EnrolmentRequest verifiedRequest;
        try {
            verifiedRequest = EnrolmentRequest.verify(untrustedRequest);
        } catch (EnrolmentException e) {
            throw new MalformedEnrolmentException(e.getMessage(), e);
        }
        Instant now = clock.instant();
        Claim claim = database.read(c -> claim(c, secretHash(verifiedRequest.codeSecret()), verifiedRequest, now));
        Mission mission = missions.get(claim.missionId());
        return new EnrolmentOffer(mission.id(), mission.name(), claim.alias(),
                verifiedRequest.deviceSigningKey().keyId(), keys.signing().publicKey(), keys.report().recipient(), now)
                .sign(keys.signing());
    }

    /**
     * Enrols the device that signed {@code untrustedConfirmation} (sent once it has verified the offer) and
     * answers with the mission key sealed to it, signed by the agency. This is where the code is spent. The
     * same device confirming the same code again gets a fresh answer for the same enrolment.
     *
     * @return the signed {@code carnet.enrolment/1} envelope
     * @throws MalformedEnrolmentException if the confirmation is malformed or not signed by the key it names
     * @throws CodeRejectedException if the code is unknown, expired, or used by another device
     */
    public byte[] confirm(byte[] untrustedConfirmation) {
        EnrolmentRequest verifiedRequest;
        try {
            verifiedRequest = EnrolmentRequest.verifyConfirmation(untrustedConfirmation);
        } catch (EnrolmentException e) {
            throw new MalformedEnrolmentException(e.getMessage(), e);
        }
        Ed25519PublicKey deviceKey = verifiedRequest.deviceSigningKey();
        String codeHash = secretHash(verifiedRequest.codeSecret());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        Device device = database.transaction(c -> redeem(c, codeHash, verifiedRequest, now));
        Mission mission = missions.get(device.missionId());
        EnrolmentAnswer answer = EnrolmentAnswer.create(mission.id(), mission.name(), device.alias(), deviceKey,
                device.recipient(), keys.signing().publicKey(), keys.report().recipient(),
                missions.missionIdentity(mission.id()), now);
        return answer.sign(keys.signing());
    }

    /** What a code would enrol a device as; {@code existing} is set when this same device already redeemed it. */
    private record Claim(String missionId, String alias, Device existing) {
    }

    /**
     * Checks that {@code request}'s device may redeem the code with hash {@code codeHash}: the code exists and
     * is either unused, unexpired and the device key not enrolled yet, or already used by this very device
     * (same signing key and recipient). Writes nothing.
     */
    private static Claim claim(Connection c, String codeHash, EnrolmentRequest request, Instant now)
            throws SQLException {
        String keyId = request.deviceSigningKey().keyId();
        String missionId;
        String alias;
        Instant expiresAt;
        String usedBy;
        try (PreparedStatement query = c.prepareStatement(
                "SELECT mission_id, alias, expires_at_ms, device_key_id FROM enrolment_codes WHERE code_hash = ?")) {
            query.setString(1, codeHash);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new CodeRejectedException();
                }
                missionId = rows.getString(1);
                alias = rows.getString(2);
                expiresAt = Instant.ofEpochMilli(rows.getLong(3));
                usedBy = rows.getString(4);
            }
        }
        if (usedBy != null) {
            Device existing = device(c, usedBy).orElseThrow(CodeRejectedException::new);
            if (!usedBy.equals(keyId) || !existing.signingKey().equals(request.deviceSigningKey())
                    || !existing.recipient().equals(request.deviceRecipient())) {
                throw new CodeRejectedException();
            }
            return new Claim(missionId, alias, existing);
        }
        if (!now.isBefore(expiresAt) || device(c, keyId).isPresent()) {
            throw new CodeRejectedException();
        }
        return new Claim(missionId, alias, null);
    }

    private Device redeem(Connection c, String codeHash, EnrolmentRequest request, Instant now) throws SQLException {
        Claim claim = claim(c, codeHash, request, now);
        if (claim.existing() != null) {
            return claim.existing();
        }
        String keyId = request.deviceSigningKey().keyId();
        try (PreparedStatement use = c.prepareStatement(
                "UPDATE enrolment_codes SET used_at_ms = ?, device_key_id = ? WHERE code_hash = ? AND used_at_ms IS NULL")) {
            use.setLong(1, now.toEpochMilli());
            use.setString(2, keyId);
            use.setString(3, codeHash);
            if (use.executeUpdate() != 1) {
                throw new CodeRejectedException();
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO devices "
                + "(key_id, mission_id, alias, signing_key, recipient, enrolled_at_ms, code_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, keyId);
            insert.setString(2, claim.missionId());
            insert.setString(3, claim.alias());
            insert.setString(4, request.deviceSigningKey().base64());
            insert.setString(5, request.deviceRecipient().encoded());
            insert.setLong(6, now.toEpochMilli());
            insert.setString(7, codeHash);
            insert.executeUpdate();
        }
        AuditLog.record(c, now, "device:" + keyId, "device.enrol",
                "mission " + claim.missionId() + ", alias " + claim.alias());
        return new Device(keyId, claim.missionId(), claim.alias(), request.deviceSigningKey(),
                request.deviceRecipient(), now);
    }

    /** What {@code GET /api/v1/agency} answers: the agency's public signing key. */
    public byte[] announcement() {
        return AgencyAnnouncement.write(keys.signing().publicKey());
    }

    /** The enrolled device with key id {@code keyId}. */
    public Optional<Device> device(String keyId) {
        return database.read(c -> device(c, keyId));
    }

    /** The devices enrolled in mission {@code missionId}, in enrolment order. */
    public List<Device> devices(String missionId) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT key_id, mission_id, alias, signing_key, "
                    + "recipient, enrolled_at_ms FROM devices WHERE mission_id = ? ORDER BY enrolled_at_ms, alias")) {
                query.setString(1, missionId);
                List<Device> out = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        out.add(device(rows));
                    }
                }
                return out;
            }
        });
    }

    /** The codes issued for mission {@code missionId}, oldest first (never the codes themselves). */
    public List<IssuedCode> codes(String missionId) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT alias, created_at_ms, expires_at_ms, used_at_ms "
                    + "FROM enrolment_codes WHERE mission_id = ? ORDER BY created_at_ms, alias")) {
                query.setString(1, missionId);
                List<IssuedCode> out = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long used = rows.getLong(4);
                        boolean unused = rows.wasNull();
                        out.add(new IssuedCode(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                                Instant.ofEpochMilli(rows.getLong(3)), unused ? null : Instant.ofEpochMilli(used)));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<Device> device(Connection c, String keyId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT key_id, mission_id, alias, signing_key, recipient, "
                + "enrolled_at_ms FROM devices WHERE key_id = ?")) {
            query.setString(1, keyId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(device(rows)) : Optional.empty();
            }
        }
    }

    private static Device device(ResultSet rows) throws SQLException {
        return new Device(rows.getString(1), rows.getString(2), rows.getString(3),
                Ed25519PublicKey.fromBase64(rows.getString(4)), X25519Recipient.parse(rows.getString(5)),
                Instant.ofEpochMilli(rows.getLong(6)));
    }

    /** Hex SHA-256 of a code's secret part: what the database keeps instead of the code. */
    static String secretHash(String secret) {
        return Hashes.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));
    }
}
