package be.carnet.server.staff;

import be.carnet.i18n.Language;
import java.time.Instant;
import java.util.Optional;

/**
 * One browser's session, before or after login. Immutable: the store replaces it on change.
 *
 * @param id the 256-bit random cookie value (a secret: never log it)
 * @param member who logged in, or {@code null} before login
 * @param csrfToken the 256-bit random token every form of this session carries
 * @param language the language chosen, or taken from the browser
 * @param createdAt when it started; it ends {@link SessionStore#LIFETIME} later
 * @param lastSeen the last request that used it
 */
public record StaffSession(String id, StaffMember member, String csrfToken, Language language, Instant createdAt,
                           Instant lastSeen) {

    public Optional<StaffMember> staff() {
        return Optional.ofNullable(member);
    }

    public boolean authenticated() {
        return member != null;
    }

    @Override
    public String toString() {
        return "StaffSession[" + (member == null ? "anonymous" : member.username()) + "]";
    }
}
