package be.carnet.client.enrolment;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.storage.Database;
import be.carnet.client.vault.Secrets;
import be.carnet.client.agency.AgencyConnector;
import be.carnet.client.agency.AgencyException;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.VaultKey;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.enrol.EnrolmentAnswer;
import be.carnet.protocol.enrol.EnrolmentCode;
import be.carnet.protocol.enrol.EnrolmentException;
import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.protocol.sign.SignatureException;
import be.carnet.protocol.sign.SignedEnvelope;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrols this device with the agency: makes the device keys, sends the signed request, accepts the
 * answer only if it is signed by the agency key whose fingerprint is in the code, and stores everything
 * sealed in the vault in one transaction (with the {@link EnrolmentListener}'s work).
 *
 * <p>The keys and the signed request of an attempt are kept (sealed) until it succeeds, so retrying
 * the same code after a lost answer sends the same request and the agency answers for the same device.
 * Thread-safe; it never holds the database while on the network.
 */
public final class EnrolmentService {

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentService.class);
    static final String ATTEMPT = "enrolment-attempt";

    private final Database database;
    private final Vault vault;
    private final AgencyConnector agencies;
    private final EnrolmentListener listener;
    private final Clock clock;

    public EnrolmentService(Database database, Vault vault, AgencyConnector agencies, EnrolmentListener listener,
                            Clock clock) {
        this.database = database;
        this.vault = vault;
        this.agencies = agencies;
        this.listener = listener;
        this.clock = clock;
    }

    /** The current enrolment, if any. Requires the vault unlocked. */
    public Optional<Enrolment> current() {
        VaultKey key = vault.key();
        return database.read(c -> Enrolments.current(c, key));
    }

    /**
     * Enrols with {@code server} using {@code code}. Calls the network once (with retries).
     *
     * @throws EnrolmentFailedException when already enrolled, when the agency refuses or cannot be
     *     reached, or when its answer does not verify; nothing is stored then but the attempt's keys
     */
    public synchronized Enrolment enrol(ServerAddress server, EnrolmentCode code) throws EnrolmentFailedException {
        if (current().isPresent()) {
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.ALREADY_ENROLLED,
                    "this device is already enrolled", null);
        }
        Attempt attempt = attemptFor(server, code);
        byte[] untrustedAnswer;
        try {
            untrustedAnswer = agencies.connect(server.uri()).enrol(attempt.signedRequest());
        } catch (AgencyException e) {
            LOG.warn("enrolment failed: {}", e.getMessage());
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.AGENCY, e.getMessage(), e);
        }
        checkFingerprint(untrustedAnswer, code);
        EnrolmentAnswer answer;
        X25519Identity missionKey;
        try {
            answer = EnrolmentAnswer.verify(untrustedAnswer, code, attempt.deviceKey().publicKey());
            missionKey = answer.openMissionKey(attempt.deviceIdentity());
        } catch (EnrolmentException e) {
            LOG.warn("enrolment answer refused: {}", e.getMessage());
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.INVALID_ANSWER, e.getMessage(), e);
        }
        Enrolment enrolment = new Enrolment(server.uri(), answer.missionId(), answer.missionName(),
                answer.travellerAlias(), attempt.deviceKey(), attempt.deviceIdentity(), answer.agencySigningKey(),
                answer.agencyReportRecipient(), missionKey, clock.instant());
        VaultKey key = vault.key();
        database.write(c -> {
            Enrolments.store(c, key, enrolment);
            Secrets.delete(c, ATTEMPT);
            listener.enrolled(c, key, enrolment);
            return null;
        });
        LOG.info("enrolled: {}", enrolment);
        return enrolment;
    }

    /** Refuses an answer signed by any key but the one the code's fingerprint names, before anything else. */
    private static void checkFingerprint(byte[] untrustedAnswer, EnrolmentCode code) throws EnrolmentFailedException {
        Ed25519PublicKey claimed;
        try {
            JsonObject untrustedPayload = SignedEnvelope.parse(untrustedAnswer, EnrolmentAnswer.MAX_BYTES)
                    .untrustedPayload();
            claimed = Ed25519PublicKey.fromBase64(JsonFields.of(untrustedPayload, "enrolment")
                    .string("agencySigningKey", 64));
        } catch (SignatureException | JsonFormatException e) {
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.INVALID_ANSWER,
                    "the enrolment answer is not valid: " + e.getMessage(), e);
        }
        if (!code.matchesAgencyKey(claimed)) {
            LOG.warn("enrolment answer refused: signed by agency key {} which does not match the code", claimed.keyId());
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.WRONG_AGENCY,
                    "the agency key does not match the fingerprint in the enrolment code", null);
        }
    }

    /** The kept attempt for this server and code, or a new one (stored sealed before it is sent). */
    private Attempt attemptFor(ServerAddress server, EnrolmentCode code) {
        VaultKey key = vault.key();
        Optional<Attempt> kept = database.read(c -> Secrets.get(c, key, ATTEMPT)).map(Attempt::fromBytes)
                .filter(a -> a.server().equals(server.uri().toString()) && a.code().equals(code.formatted()));
        if (kept.isPresent()) {
            return kept.get();
        }
        Ed25519KeyPair deviceKey = Ed25519KeyPair.generate();
        X25519Identity deviceIdentity = X25519Identity.generate();
        byte[] request = new EnrolmentRequest(code.secret(), deviceKey.publicKey(), deviceIdentity.recipient(),
                clock.instant()).sign(deviceKey);
        Attempt attempt = new Attempt(server.uri().toString(), code.formatted(), deviceKey, deviceIdentity, request);
        database.write(c -> {
            Secrets.put(c, key, ATTEMPT, attempt.toBytes());
            return null;
        });
        return attempt;
    }

    private record Attempt(String server, String code, Ed25519KeyPair deviceKey, X25519Identity deviceIdentity,
                           byte[] signedRequest) {

        byte[] toBytes() {
            JsonObject o = new JsonObject();
            o.addProperty("server", server);
            o.addProperty("code", code);
            o.addProperty("deviceSeed", Base64.getEncoder().encodeToString(deviceKey.seed()));
            o.addProperty("deviceIdentity", deviceIdentity.encoded());
            o.addProperty("request", Base64.getEncoder().encodeToString(signedRequest));
            return o.toString().getBytes(UTF_8);
        }

        static Attempt fromBytes(byte[] bytes) {
            JsonObject o = JsonParser.parseString(new String(bytes, UTF_8)).getAsJsonObject();
            return new Attempt(o.get("server").getAsString(), o.get("code").getAsString(),
                    Ed25519KeyPair.fromSeed(Base64.getDecoder().decode(o.get("deviceSeed").getAsString())),
                    X25519Identity.parse(o.get("deviceIdentity").getAsString()),
                    Base64.getDecoder().decode(o.get("request").getAsString()));
        }

        @Override
        public String toString() {
            return "Attempt[secret]";
        }
    }
}
