package be.carnet.server.staff;

import be.carnet.i18n.Language;
import be.carnet.protocol.Randomness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff sessions, in memory only (a restart logs everyone out). Ids and CSRF tokens are 256-bit
 * random values. A session lives {@link #LIFETIME} from its creation; login replaces the session id
 * (no fixation). At most {@link #MAX_SESSIONS} exist: beyond that the least recently seen anonymous
 * sessions are dropped first. Thread-safe.
 */
public final class SessionStore {

    public static final Duration LIFETIME = Duration.ofHours(8);
    public static final int MAX_SESSIONS = 10_000;
    private static final int TOKEN_BYTES = 32;

    private final Map<String, StaffSession> sessions = new ConcurrentHashMap<>();
    /** Messages for the next page of one session (post/redirect/get), by session id then name; memory only. */
    private final Map<String, Map<String, String>> flashes = new ConcurrentHashMap<>();
    private final Clock clock;

    public SessionStore(Clock clock) {
        this.clock = clock;
    }

    /** A new session before login. */
    public StaffSession open(Language language) {
        Instant now = clock.instant();
        return put(new StaffSession(token(), null, token(), language, now, now));
    }

    /** The live session for {@code id}, touched; empty if unknown or expired (then it is removed). */
    public Optional<StaffSession> find(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        StaffSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        StaffSession touched = new StaffSession(session.id(), session.member(), session.csrfToken(),
                session.language(), session.createdAt(), now);
        sessions.replace(id, session, touched);
        return Optional.of(touched);
    }

    /** Ends {@code previous} and opens a logged-in session for {@code member} with new id and token. */
    public StaffSession login(StaffSession previous, StaffMember member) {
        if (previous != null) {
            sessions.remove(previous.id());
        }
        Instant now = clock.instant();
        Language language = previous == null ? Language.FR : previous.language();
        return put(new StaffSession(token(), member, token(), language, now, now));
    }

    /** Changes the language of session {@code id}. */
    public Optional<StaffSession> setLanguage(String id, Language language) {
        return find(id).map(s -> {
            StaffSession changed = new StaffSession(s.id(), s.member(), s.csrfToken(), language, s.createdAt(),
                    s.lastSeen());
            sessions.put(s.id(), changed);
            return changed;
        });
    }

    /** Ends session {@code id}. */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
            flashes.remove(id);
        }
    }

    /**
     * Keeps {@code value} under {@code name} for the next page session {@code id} shows (after a redirect),
     * in memory only: never in a URL, a cookie or the database.
     */
    public void flash(String id, String name, String value) {
        if (find(id).isPresent()) {
            flashes.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).put(name, value);
        }
    }

    /** Takes (reads and forgets) what {@link #flash} kept under {@code name} for session {@code id}. */
    public Optional<String> takeFlash(String id, String name) {
        if (id == null || find(id).isEmpty()) {
            if (id != null) {
                flashes.remove(id);
            }
            return Optional.empty();
        }
        Map<String, String> kept = flashes.get(id);
        return kept == null ? Optional.empty() : Optional.ofNullable(kept.remove(name));
    }

    int size() {
        return sessions.size();
    }

    private StaffSession put(StaffSession session) {
        if (sessions.size() >= MAX_SESSIONS) {
            evict();
        }
        sessions.put(session.id(), session);
        return session;
    }

    private synchronized void evict() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        while (sessions.size() >= MAX_SESSIONS) {
            Optional<StaffSession> oldest = sessions.values().stream()
                    .min(Comparator.comparing(StaffSession::authenticated).thenComparing(StaffSession::lastSeen));
            if (oldest.isEmpty()) {
                return;
            }
            sessions.remove(oldest.get().id());
        }
        flashes.keySet().retainAll(sessions.keySet());
    }

    private static boolean expired(StaffSession session, Instant now) {
        return !now.isBefore(session.createdAt().plus(LIFETIME));
    }

    private static String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(TOKEN_BYTES));
    }
}
