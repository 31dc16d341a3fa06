package be.carnet.server.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.i18n.Language;
import be.carnet.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
    private final SessionStore store = new SessionStore(clock);
    private final StaffMember admin = new StaffMember("admin", Role.ADMIN);

    @Test
    void idsAndTokensAre256BitRandomValues() {
        StaffSession session = store.open(Language.NL);

        assertTrue(session.id().matches("[A-Za-z0-9_-]{43}"));
        assertTrue(session.csrfToken().matches("[A-Za-z0-9_-]{43}"));
        assertNotEquals(session.id(), session.csrfToken());
    }

    @Test
    void loginReplacesTheSessionIdAndTokenButKeepsTheLanguage() {
        StaffSession anonymous = store.open(Language.NL);

        StaffSession loggedIn = store.login(anonymous, admin);

        assertNotEquals(anonymous.id(), loggedIn.id());
        assertNotEquals(anonymous.csrfToken(), loggedIn.csrfToken());
        assertEquals(Language.NL, loggedIn.language());
        assertEquals(Optional.empty(), store.find(anonymous.id()));
        assertEquals(Optional.of(admin), store.find(loggedIn.id()).flatMap(StaffSession::staff));
    }

    @Test
    void aSessionEndsEightHoursAfterItStarted() {
        StaffSession session = store.login(null, admin);
        clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertTrue(store.find(session.id()).isPresent());

        clock.advance(Duration.ofSeconds(1));

        assertEquals(Optional.empty(), store.find(session.id()));
    }

    @Test
    void theLanguageChoiceIsRemembered() {
        StaffSession session = store.login(null, admin);

        store.setLanguage(session.id(), Language.EN);

        assertEquals(Language.EN, store.find(session.id()).orElseThrow().language());
    }

    @Test
    void aFloodOfAnonymousSessionsNeverPushesOutALoggedInOne() {
        StaffSession loggedIn = store.login(null, admin);

        for (int i = 0; i < SessionStore.MAX_SESSIONS + 10; i++) {
            store.open(Language.FR);
        }

        assertTrue(store.size() <= SessionStore.MAX_SESSIONS);
        assertTrue(store.find(loggedIn.id()).isPresent());
    }

    @Test
    void unknownAndOversizedIdsFindNothing() {
        assertEquals(Optional.empty(), store.find(null));
        assertEquals(Optional.empty(), store.find("x".repeat(10_000)));
        assertEquals(Optional.empty(), store.find("no-such-session"));
    }
}
