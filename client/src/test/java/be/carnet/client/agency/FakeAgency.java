package be.carnet.client.agency;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.bundle.BundleManifest;
import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.bundle.MissionPassphrase;
import be.carnet.protocol.enrol.AgencyAnnouncement;
import be.carnet.protocol.enrol.EnrolmentAnswer;
import be.carnet.protocol.enrol.EnrolmentCode;
import be.carnet.protocol.enrol.EnrolmentException;
import be.carnet.protocol.enrol.EnrolmentOffer;
import be.carnet.protocol.enrol.EnrolmentRequest;
import be.carnet.protocol.report.Receipt;
import be.carnet.protocol.report.ReportRejectedException;
import be.carnet.protocol.report.SealedReport;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.protocol.sign.SignedEnvelope;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small agency server for the client's tests: the device endpoints of docs/http-api.md on a random
 * loopback port, with real keys and the protocol classes, and switches to misbehave (drop connections,
 * answer 503 with Retry-After, drop after storing, sign receipts with another key, be down).
 */
public final class FakeAgency implements AutoCloseable {

    /** The endpoints, for misbehaviour aimed at one of them. */
    public enum Endpoint {
        AGENCY, OFFER, CONFIRM, BUNDLE, REPORT, OTHER
    }

    /** One scripted misbehaviour for the next request to an endpoint. */
    public enum Failure {
        /** Close the connection without answering, before doing anything. */
        DROP,
        /** Answer 503 with Retry-After: 1. */
        BUSY,
        /** Do the work (bind the code, store the report), then close the connection without answering. */
        DROP_AFTER_COMMIT,
        /** Answer a report with the receipt last issued for another report (a duplicated, replayed answer). */
        REPLAY_LAST_RECEIPT
    }

    public final Ed25519KeyPair signingKey = Ed25519KeyPair.generate();
    public final X25519Identity reportIdentity = X25519Identity.generate();
    public final X25519Identity missionIdentity = X25519Identity.generate();
    public final String missionId = "m-2026-cn-01";
    public final String missionName = "Mission économique Chine";

    private final HttpServer server;
    private final Clock clock;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, Ed25519PublicKey> codeDevices = new ConcurrentHashMap<>();
    private final Map<String, Ed25519PublicKey> devices = new ConcurrentHashMap<>();
    private final Map<String, StoredReport> reports = new LinkedHashMap<>();
    private final Map<String, be.carnet.protocol.report.Report> received = new LinkedHashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Map<Endpoint, Deque<Failure>> aimedFailures = new ConcurrentHashMap<>();
    private final Map<Endpoint, AtomicInteger> endpointRequests = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger reportRequests = new AtomicInteger();
    private volatile byte[] bundle;
    private volatile byte[] lastReceipt;
    private volatile boolean down;
    private volatile Ed25519KeyPair answerKey;
    private volatile Ed25519PublicKey announcedKey;
    private volatile String answerAlias;
    private volatile Ed25519KeyPair receiptKey;
    private volatile Receipt.Expected receiptNames;

    private record StoredReport(String sha256, byte[] receipt) {
    }

    public FakeAgency(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Issues a one-time enrolment code for {@code alias}, formatted as printed. */
    public String issueCode(String alias) {
        EnrolmentCode code = EnrolmentCode.generate(signingKey.publicKey());
        codes.put(code.secret(), alias);
        return code.formatted();
    }

    /** Publishes a bundle built with the agency key and encrypted to the mission key. */
    public byte[] publish(long version, Instant expires, Map<String, byte[]> files) {
        byte[] built = build(version, expires, files, signingKey);
        bundle = built;
        return built;
    }

    /** Builds a bundle without publishing it. */
    public byte[] build(long version, Instant expires, Map<String, byte[]> files, Ed25519KeyPair key) {
        return Bundles.write(missionId, version, clock.instant(), expires, List.of("fr", "nl"), files,
                List.of(missionIdentity.recipient()), key);
    }

    /**
     * Publishes a bundle that also opens with {@code passphrase} (work factor 10, for speed); with
     * {@code toMissionKey} false, only the passphrase opens it.
     */
    public byte[] publishWithPassphrase(long version, Instant expires, Map<String, byte[]> files, String passphrase,
                                        boolean toMissionKey) {
        byte[] built = Bundles.write(missionId, version, clock.instant(), expires, List.of("fr", "nl"), files,
                toMissionKey ? List.of(missionIdentity.recipient()) : List.of(),
                new MissionPassphrase(passphrase.toCharArray(), 10), signingKey);
        bundle = built;
        return built;
    }

    /**
     * Publishes a passphrase-only bundle whose slot's scrypt stanza claims work factor {@code workFactor}, as one
     * made with {@code age -p} (18) would; the stanza line is edited, so nothing opens it, which does not matter
     * since a too-high factor is refused before any scrypt work.
     */
    public byte[] publishWithSlotWorkFactor(long version, Instant expires, Map<String, byte[]> files, String passphrase,
                                            int workFactor) {
        byte[] built = publishWithPassphrase(version, expires, files, passphrase, false);
        BundleManifest manifest = Bundles.verifyManifest(built, signingKey.publicKey(), missionId);
        String slot = new String(manifest.passphraseKey(), StandardCharsets.US_ASCII)
                .replaceFirst("(-> scrypt \\S+) 10\n", "$1 " + workFactor + "\n");
        BundleManifest costly = new BundleManifest(manifest.missionId(), manifest.version(), manifest.created(),
                manifest.expires(), manifest.languages(), manifest.agencyKeyId(), manifest.payloadSize(),
                manifest.payloadSha256(), manifest.files(), slot.getBytes(StandardCharsets.US_ASCII));
        int payloadStart = built.length - (int) manifest.payloadSize();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Bundles.MAGIC + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(SignedEnvelope.sign(costly.toJson(), signingKey));
        out.write('\n');
        out.write(built, payloadStart, built.length - payloadStart);
        bundle = out.toByteArray();
        return bundle;
    }

    public void publishBytes(byte[] bytes) {
        bundle = bytes;
    }

    /** The next requests misbehave, in order. */
    public synchronized void failNext(Failure... next) {
        failures.addAll(List.of(next));
    }

    /** The next requests to {@code endpoint} misbehave, in order (before any {@link #failNext(Failure...)}). */
    public synchronized void failNext(Endpoint endpoint, Failure... next) {
        aimedFailures.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).addAll(List.of(next));
    }

    /** How many requests reached {@code endpoint}, answered or not. */
    public int requestCount(Endpoint endpoint) {
        return endpointRequests.computeIfAbsent(endpoint, e -> new AtomicInteger()).get();
    }

    /** Final enrolment answers name this alias instead of the code's (null: the code's). */
    public void answerAsAlias(String alias) {
        answerAlias = alias;
    }

    /** {@code GET /api/v1/agency} announces this key instead of the agency's. */
    public void announce(Ed25519PublicKey key) {
        announcedKey = key;
    }

    /** True once a device's confirmation has spent {@code formattedCode}. */
    public boolean spent(String formattedCode) {
        return codeDevices.containsKey(EnrolmentCode.parse(formattedCode).secret());
    }

    /** The number of devices the agency has enrolled. */
    public int enrolledDevices() {
        return devices.size();
    }

    /** While down, every connection is dropped unanswered. */
    public void setDown(boolean value) {
        down = value;
    }

    /** Enrolment offers and answers come from this key (carrying it) instead of the agency's. */
    public void answerWith(Ed25519KeyPair key) {
        answerKey = key;
    }

    /** Receipts are signed by this key instead of the agency's. */
    public void signReceiptsWith(Ed25519KeyPair key) {
        receiptKey = key;
    }

    /**
     * The next report request waits, once it has arrived (counting {@code arrived} down), until {@code release}
     * is counted down: a sync held in flight for as long as a test needs.
     */
    public synchronized void holdNextReport(java.util.concurrent.CountDownLatch arrived,
                                            java.util.concurrent.CountDownLatch release) {
        heldArrived = arrived;
        heldRelease = release;
    }

    private java.util.concurrent.CountDownLatch heldArrived;
    private java.util.concurrent.CountDownLatch heldRelease;

    /**
     * Receipts, still signed by the agency's key, name this mission and device ({@code reportId} and
     * {@code sealedSha256} of {@code names} are ignored) and, when {@code agencyKeyId} is not null, this agency key
     * id; {@code null} restores true receipts.
     */
    public void receiptsName(Receipt.Expected names, String agencyKeyId) {
        receiptNames = names;
        receiptAgencyKeyId = agencyKeyId;
    }

    private volatile String receiptAgencyKeyId;

    /** The agency already holds other bytes under {@code reportId} (so sending it gets 409). */
    public synchronized void holdOtherBytesFor(String reportId) {
        reports.put(reportId, new StoredReport("0".repeat(64), new byte[0]));
    }

    public int requestCount() {
        return requests.get();
    }

    public int reportRequestCount() {
        return reportRequests.get();
    }

    /** The verified content of a stored report, or null. */
    public synchronized be.carnet.protocol.report.Report received(String reportId) {
        return received.get(reportId);
    }

    /** Report ids stored, in log order. */
    public synchronized List<String> storedReportIds() {
        return new ArrayList<>(reports.keySet());
    }

    /** Opens a stored-report's sealed bytes as the agency would (for assertions on content). */
    public SealedReport.Opened open(byte[] sealed) {
        return SealedReport.open(sealed, reportIdentity, keyId -> Optional.ofNullable(devices.get(keyId)));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Endpoint endpoint = endpoint(method, path);
            endpointRequests.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
            Failure failure;
            synchronized (this) {
                Deque<Failure> aimed = aimedFailures.get(endpoint);
                failure = aimed != null && !aimed.isEmpty() ? aimed.poll() : failures.poll();
            }
            if (down || failure == Failure.DROP) {
                return;
            }
            if (failure == Failure.BUSY) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 503, error("busy", "the server is busy"));
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (endpoint == Endpoint.AGENCY) {
                Ed25519PublicKey announced = announcedKey;
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                send(exchange, 200, AgencyAnnouncement.write(announced == null ? signingKey.publicKey() : announced));
            } else if (endpoint == Endpoint.OFFER || endpoint == Endpoint.CONFIRM) {
                byte[] answer = endpoint == Endpoint.OFFER ? offer(exchange, body) : confirm(exchange, body);
                if (answer != null && failure != Failure.DROP_AFTER_COMMIT) {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    send(exchange, 200, answer);
                }
            } else if (method.equals("GET") && path.equals("/api/v1/missions/" + missionId + "/bundle")) {
                if (bundle == null) {
                    send(exchange, 404, error("not-found", "no bundle published"));
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    send(exchange, 200, bundle);
                }
            } else if (method.equals("POST") && path.startsWith("/api/v1/reports/")) {
                reportRequests.incrementAndGet();
                java.util.concurrent.CountDownLatch arrived;
                java.util.concurrent.CountDownLatch release;
                synchronized (this) {
                    arrived = heldArrived;
                    release = heldRelease;
                    heldArrived = null;
                    heldRelease = null;
                }
                if (arrived != null) {
                    arrived.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (failure == Failure.REPLAY_LAST_RECEIPT && lastReceipt != null) {
                    send(exchange, 200, lastReceipt);
                    return;
                }
                byte[] receipt = report(exchange, path.substring("/api/v1/reports/".length()), body);
                if (receipt != null && failure != Failure.DROP_AFTER_COMMIT) {
                    lastReceipt = receipt;
                    send(exchange, 200, receipt);
                }
            } else if (method.equals("GET") && path.equals("/api/v1/health")) {
                send(exchange, 200, "{\"status\":\"ok\"}".getBytes(UTF_8));
            } else {
                send(exchange, 404, error("not-found", "no such endpoint"));
            }
        }
    }

    private Endpoint endpoint(String method, String path) {
        if (method.equals("GET") && path.equals("/api/v1/agency")) {
            return Endpoint.AGENCY;
        }
        if (method.equals("POST") && path.equals("/api/v1/enrol")) {
            return Endpoint.OFFER;
        }
        if (method.equals("POST") && path.equals("/api/v1/enrol/confirm")) {
            return Endpoint.CONFIRM;
        }
        if (method.equals("GET") && path.startsWith("/api/v1/missions/")) {
            return Endpoint.BUNDLE;
        }
        if (method.equals("POST") && path.startsWith("/api/v1/reports/")) {
            return Endpoint.REPORT;
        }
        return Endpoint.OTHER;
    }

    /** Phase one: checks the code as the real agency does and offers, spending nothing. */
    private byte[] offer(HttpExchange exchange, byte[] body) throws IOException {
        EnrolmentRequest request;
        try {
            request = EnrolmentRequest.verify(body);
        } catch (EnrolmentException e) {
            send(exchange, 400, error("malformed", "the request is not valid"));
            return null;
        }
        String alias = codes.get(request.codeSecret());
        Ed25519PublicKey bound = codeDevices.get(request.codeSecret());
        if (alias == null || (bound != null && !bound.equals(request.deviceSigningKey()))) {
            send(exchange, 403, error("code-rejected", "the code is unknown, expired or used"));
            return null;
        }
        Ed25519KeyPair key = answerKey == null ? signingKey : answerKey;
        return new EnrolmentOffer(missionId, missionName, alias, request.deviceSigningKey().keyId(), key.publicKey(),
                reportIdentity.recipient(), clock.instant()).sign(key);
    }

    /** Phase two: spends the code for this device (or answers again for it) and seals the mission key. */
    private byte[] confirm(HttpExchange exchange, byte[] body) throws IOException {
        EnrolmentRequest request;
        try {
            request = EnrolmentRequest.verifyConfirmation(body);
        } catch (EnrolmentException e) {
            send(exchange, 400, error("malformed", "the confirmation is not valid"));
            return null;
        }
        String alias = codes.get(request.codeSecret());
        Ed25519PublicKey bound = alias == null ? null
                : codeDevices.putIfAbsent(request.codeSecret(), request.deviceSigningKey());
        if (alias == null || (bound != null && !bound.equals(request.deviceSigningKey()))) {
            send(exchange, 403, error("code-rejected", "the code is unknown, expired or used"));
            return null;
        }
        devices.put(request.deviceSigningKey().keyId(), request.deviceSigningKey());
        Ed25519KeyPair key = answerKey == null ? signingKey : answerKey;
        return EnrolmentAnswer.create(missionId, missionName, answerAlias == null ? alias : answerAlias, request.deviceSigningKey(),
                request.deviceRecipient(), key.publicKey(), reportIdentity.recipient(), missionIdentity,
                clock.instant()).sign(key);
    }

    private synchronized byte[] report(HttpExchange exchange, String reportId, byte[] sealed) throws IOException {
        String sha = Hashes.sha256Hex(sealed);
        StoredReport existing = reports.get(reportId);
        if (existing != null) {
            if (!existing.sha256().equals(sha)) {
                send(exchange, 409, error("conflict", "this report id was received with other bytes"));
                return null;
            }
            return existing.receipt();
        }
        SealedReport.Opened opened;
        try {
            opened = open(sealed);
        } catch (ReportRejectedException e) {
            send(exchange, 400, error("invalid-report", "the report does not decrypt or verify"));
            return null;
        }
        if (!opened.report().reportId().equals(reportId)) {
            send(exchange, 400, error("invalid-report", "the report names another report id"));
            return null;
        }
        Ed25519KeyPair key = receiptKey == null ? signingKey : receiptKey;
        Receipt.Expected names = receiptNames;
        String agencyKeyId = receiptAgencyKeyId;
        byte[] receipt = new Receipt(reportId, names == null ? missionId : names.missionId(),
                names == null ? opened.deviceKey().keyId() : names.deviceKeyId(), sha,
                clock.instant().plus(Duration.ofSeconds(reports.size())), reports.size() + 1L,
                agencyKeyId == null ? key.publicKey().keyId() : agencyKeyId).sign(key);
        if (receiptKey == null && names == null) {
            reports.put(reportId, new StoredReport(sha, receipt));
            received.put(reportId, opened.report());
        }
        return receipt;
    }

    private static byte[] error(String code, String message) {
        return ("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }
}
