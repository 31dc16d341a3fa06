package be.carnet.client.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.Randomness;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open browser sessions, in memory only (a restart asks for the launcher again). A session is
 * opened only by a valid launch token; its cookie {@code carnet_session} is HttpOnly, SameSite=Strict,
 * Path=/ and holds 256 random bits. At most {@link #MAX_SESSIONS} are kept; the oldest goes first.
 * Thread-safe.
 */
public final class Sessions {

    static final String COOKIE = "carnet_session";
    static final int MAX_SESSIONS = 16;
    private static final int TOKEN_BYTES = 32;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    /** Opens a new session and sets its cookie on the response. */
    synchronized Session open(Context ctx) {
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparing(Session::created))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session session = new Session(randomToken(), randomToken(), clock.instant());
        sessions.put(session.id(), session);
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict");
        return session;
    }

    /** The session named by the request's cookie, if it is one of ours. */
    Optional<Session> find(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        Session found = sessions.get(id);
        // The map lookup is by hash; confirm in constant time so timing says nothing about near misses.
        if (found == null || !MessageDigest.isEqual(found.id().getBytes(UTF_8), id.getBytes(UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    static String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(TOKEN_BYTES));
    }
}
