package be.carnet.client.enrolment;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.storage.Database;
import be.carnet.client.vault.Secrets;
import be.carnet.client.agency.Agency;
import be.carnet.client.agency.AgencyConnector;
import be.carnet.client.agency.AgencyException;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.VaultKey;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.enrol.AgencyAnnouncement;
import be.carnet.protocol.enrol.EnrolmentAnswer;
import be.carnet.protocol.enrol.EnrolmentCode;
import be.carnet.protocol.enrol.EnrolmentException;
import be.carnet.protocol.enrol.EnrolmentOffer;
import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.protocol.enrol.WrongAgencyException;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrols this device with the agency in two phases: checks the agency's key against the code, makes the
 * device keys, sends the signed request, verifies the agency's offer (signed by the key whose fingerprint
 * is in the code; nothing is spent yet), confirms, verifies the answer, and stores everything sealed in the
 * vault in one transaction (with the {@link EnrolmentListener}'s work).
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
     * Enrols with {@code server} using {@code code}, in the order that never burns a code by mistake
     * (docs/formats.md section 6): compare the agency's announced key with the code's fingerprint before
     * sending anything; send the request and verify the agency's signed offer, which spends nothing; only
     * then confirm, which spends the code, and verify the answer. Each call to the network retries on its
     * own.
     *
     * @throws EnrolmentFailedException when already enrolled, when the code does not match the agency at
     *     this address, when the agency refuses or cannot be reached, or when an offer or answer does not
     *     verify; nothing is stored then but the attempt's keys
     */
    public synchronized Enrolment enrol(ServerAddress server, EnrolmentCode code) throws EnrolmentFailedException {
        if (current().isPresent()) {
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.ALREADY_ENROLLED,
                    "this device is already enrolled", null);
        }
        Agency agency = agencies.connect(server.uri());
        checkAnnouncedKey(call(agency::announcement), code);
        Attempt attempt = attemptFor(server, code);
        EnrolmentOffer offer = verified(() -> EnrolmentOffer.verify(call(() -> agency.offer(attempt.signedRequest())),
                code, attempt.deviceKey().publicKey()));
        byte[] confirmation = new EnrolmentRequest(code.secret(), attempt.deviceKey().publicKey(),
                attempt.deviceIdentity().recipient(), clock.instant()).signConfirmation(attempt.deviceKey());
        byte[] untrustedAnswer = call(() -> agency.confirm(confirmation));
        EnrolmentAnswer answer = verified(() -> EnrolmentAnswer.verify(untrustedAnswer, code,
                attempt.deviceKey().publicKey()));
        if (!offer.isHonouredBy(answer)) {
            LOG.warn("enrolment answer refused: it differs from the agency's offer");
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.INVALID_ANSWER,
                    "the enrolment answer differs from the agency's offer", null);
        }
        X25519Identity missionKey = verified(() -> answer.openMissionKey(attempt.deviceIdentity()));
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

    /** One exchange with the agency; its failure becomes an {@link EnrolmentFailedException}. */
    private static byte[] call(AgencyCall exchange) throws EnrolmentFailedException {
        try {
            return exchange.run();
        } catch (AgencyException e) {
            LOG.warn("enrolment failed: {}", e.getMessage());
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.AGENCY, e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface AgencyCall {
        byte[] run() throws AgencyException;
    }

    @FunctionalInterface
    private interface Check<T> {
        T run() throws EnrolmentFailedException;
    }

    /** Runs a protocol check; a key that does not match the code, or any other refusal, becomes a failure. */
    private static <T> T verified(Check<T> check) throws EnrolmentFailedException {
        try {
            return check.run();
        } catch (WrongAgencyException e) {
            LOG.warn("enrolment refused: {}", e.getMessage());
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.WRONG_AGENCY, e.getMessage(), e);
        } catch (EnrolmentException e) {
            LOG.warn("enrolment answer refused: {}", e.getMessage());
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.INVALID_ANSWER, e.getMessage(), e);
        }
    }

    /**
     * Refuses, before anything is sent, an agency whose announced key does not match the code's fingerprint
     * part: a typo in the code's last twelve characters, or another agency's address.
     */
    private static void checkAnnouncedKey(byte[] untrustedAnnouncement, EnrolmentCode code)
            throws EnrolmentFailedException {
        Ed25519PublicKey announced;
        try {
            announced = AgencyAnnouncement.parse(untrustedAnnouncement);
        } catch (EnrolmentException e) {
            LOG.warn("enrolment refused: {}", e.getMessage());
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.INVALID_ANSWER, e.getMessage(), e);
        }
        if (!code.matchesAgencyKey(announced)) {
            LOG.warn("enrolment refused before sending: the agency key {} does not match the code", announced.keyId());
            throw new EnrolmentFailedException(EnrolmentFailedException.Reason.CODE_MISMATCH,
                    "the agency at this address has a key that does not match the end of the enrolment code", null);
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
