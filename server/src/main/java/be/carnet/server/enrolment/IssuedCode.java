package be.carnet.server.enrolment;

import java.time.Instant;

/**
 * An enrolment code as staff see it in lists: never the code itself, which is shown once at issue.
 *
 * @param alias the traveller's name or alias
 * @param createdAt when it was issued
 * @param expiresAt after this it is refused
 * @param usedAt when a device redeemed it, or {@code null}
 */
public record IssuedCode(String alias, Instant createdAt, Instant expiresAt, Instant usedAt) {

    public boolean used() {
        return usedAt != null;
    }
}
