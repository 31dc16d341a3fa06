package be.carnet.client.agency;

import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.enrol.AgencyAnnouncement;
import be.carnet.protocol.enrol.EnrolmentAnswer;
import be.carnet.protocol.enrol.EnrolmentOffer;
import be.carnet.protocol.report.Receipt;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agency over HTTP(S) with {@link HttpClient}: timeouts on connect and on every request, no
 * redirects, bounded answers, and retries by {@link RetryPolicy} for failures that a retry can cure
 * (no answer, 429, 502, 503, 504). Every endpoint is idempotent by design (the report id, the enrolment
 * code and device key), so a retry never duplicates an effect; 409 and other refusals are final.
 * (The JDK client may itself resend a GET once when a kept-alive connection closes unanswered, so a
 * bundle download can make up to twice {@link RetryPolicy#maxAttempts()} requests.) Thread-safe.
 */
public final class HttpAgency implements Agency {

    private static final Logger LOG = LoggerFactory.getLogger(HttpAgency.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration BUNDLE_TIMEOUT = Duration.ofMinutes(3);
    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

    private final String base;
    private final HttpClient client;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;

    /**
     * @param server the agency address, {@code http(s)://host[:port][/prefix]}, already validated
     */
    public HttpAgency(URI server, HttpClient client, RetryPolicy policy, Sleeper sleeper, RandomGenerator random,
                      Clock clock) {
        String text = server.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    /** The connector the app uses: one shared client, the default policy, real sleeps. */
    public static AgencyConnector connector(Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return server -> new HttpAgency(server, client, RetryPolicy.DEFAULT, Sleeper.REAL,
                RandomGenerator.getDefault(), clock);
    }

    @Override
    public byte[] announcement() throws AgencyException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/agency"))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        return exchange("agency", request, AgencyAnnouncement.MAX_BYTES);
    }

    @Override
    public byte[] offer(byte[] signedRequest) throws AgencyException {
        return post("enrol", "/api/v1/enrol", signedRequest, EnrolmentOffer.MAX_BYTES);
    }

    @Override
    public byte[] confirm(byte[] signedConfirmation) throws AgencyException {
        return post("enrol confirm", "/api/v1/enrol/confirm", signedConfirmation, EnrolmentAnswer.MAX_BYTES);
    }

    private byte[] post(String what, String path, byte[] json, int maxAnswerBytes) throws AgencyException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return exchange(what, request, maxAnswerBytes);
    }

    @Override
    public byte[] fetchBundle(String missionId) throws AgencyException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/missions/" + segment(missionId)
                        + "/bundle"))
                .timeout(BUNDLE_TIMEOUT)
                .GET()
                .build();
        return exchange("bundle", request, Bundles.MAX_BUNDLE_BYTES);
    }

    @Override
    public byte[] sendReport(String reportId, byte[] sealedReport) throws AgencyException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + segment(reportId)))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sealedReport))
                .build();
        return exchange("report", request, Receipt.MAX_BYTES);
    }

    private byte[] exchange(String what, HttpRequest request, int maxBytes) throws AgencyException {
        AgencyException last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Duration wait;
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    return readBounded(what, response.body(), maxBytes);
                }
                response.body().close();
                last = refusal(what, status);
                if (!RETRYABLE.contains(status)) {
                    throw last;
                }
                Optional<Duration> retryAfter = retryAfter(response);
                if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
                    throw last;
                }
                wait = retryAfter.isPresent() ? retryAfter.get() : policy.backoff(attempt, random);
            } catch (IOException e) {
                last = new AgencyException(AgencyException.Kind.UNREACHABLE, what + ": no answer from the agency ("
                        + e.getClass().getSimpleName() + ")", e);
                wait = policy.backoff(attempt, random);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AgencyException(AgencyException.Kind.UNREACHABLE, what + ": interrupted", e);
            }
            if (attempt == policy.maxAttempts()) {
                break;
            }
            LOG.info("{}: attempt {} failed ({}), retrying in {} ms", what, attempt, last.getMessage(), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw last;
            }
        }
        throw last;
    }

    private static byte[] readBounded(String what, InputStream body, int maxBytes) throws IOException,
            AgencyException {
        try (body) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new AgencyException(AgencyException.Kind.PROTOCOL, 200, what + ": the agency's answer is larger than "
                        + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    private static AgencyException refusal(String what, int status) {
        AgencyException.Kind kind = switch (status) {
            case 403 -> AgencyException.Kind.CODE_REJECTED;
            case 404 -> AgencyException.Kind.NOT_FOUND;
            case 409 -> AgencyException.Kind.CONFLICT;
            case 413 -> AgencyException.Kind.TOO_LARGE;
            case 429, 503 -> AgencyException.Kind.BUSY;
            case 502, 504 -> AgencyException.Kind.UNREACHABLE;
            case 400 -> AgencyException.Kind.REJECTED;
            default -> status >= 500 ? AgencyException.Kind.UNREACHABLE : AgencyException.Kind.PROTOCOL;
        };
        return new AgencyException(kind, status, what + ": the agency answered HTTP " + status);
    }

    /** {@code Retry-After} as seconds or an HTTP date; absent or unreadable gives empty. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(clock.instant(), when);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "HttpAgency[" + base + "]";
    }
}
