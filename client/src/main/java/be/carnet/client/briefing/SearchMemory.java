package be.carnet.client.briefing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last search of each browser session, in memory only, so that {@code GET /search} can show the results
 * again (after a language switch) without the query ever riding in an address the browser keeps in its
 * history. Never written to disk; forgotten on every vault lock and panic wipe ({@link #forgetAll}).
 *
 * <p>Sessions are named by their CSRF token: 256 random bits, one per session, living exactly as long.
 * At most {@link #MAX_SESSIONS} are kept (the oldest goes first, as the sessions themselves). Thread-safe.
 */
public final class SearchMemory {

    static final int MAX_SESSIONS = 16;

    private final Map<String, String> lastQueries = new LinkedHashMap<>(MAX_SESSIONS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    /** Keeps {@code query} as the last search of the session named by {@code sessionCsrf}. */
    public synchronized void remember(String sessionCsrf, String query) {
        if (sessionCsrf != null) {
            lastQueries.put(sessionCsrf, query);
        }
    }

    /** The last search of the session named by {@code sessionCsrf}, if it searched since the last lock. */
    public synchronized Optional<String> last(String sessionCsrf) {
        return sessionCsrf == null ? Optional.empty() : Optional.ofNullable(lastQueries.get(sessionCsrf));
    }

    /** Forgets every session's search (on lock and wipe). */
    public synchronized void forgetAll() {
        lastQueries.clear();
    }
}
