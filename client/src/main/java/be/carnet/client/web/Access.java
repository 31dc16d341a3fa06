package be.carnet.client.web;

import io.javalin.security.RouteRole;
import java.util.Set;

/**
 * What a route of the traveller's app needs before its handler runs; every route names exactly one.
 * {@link RequestGuard} enforces the session part, the composition root the vault-state part (a request
 * in the wrong vault state is redirected, never served). A route registered without a role is refused
 * at run time, so a new route cannot forget its guard.
 */
public enum Access implements RouteRole {
    /** No session needed: the launch link and the stylesheet (GET only). */
    OPEN,
    /** A session, whatever state the vault is in (the language switch). */
    ANY_STATE,
    /** A session, before a vault exists (setting the passphrase). */
    NO_VAULT,
    /** A session and a locked vault (the unlock page). */
    LOCKED,
    /** A session and a vault, locked or not (the panic wipe). */
    VAULT,
    /** A session and an unlocked vault: everything else. */
    UNLOCKED;

    /**
     * The one role among a matched route's roles.
     *
     * @throws IllegalStateException if there is none or more than one: every route names exactly one
     */
    public static Access of(Set<? extends RouteRole> roles) {
        Access found = null;
        for (RouteRole role : roles) {
            if (role instanceof Access access) {
                if (found != null) {
                    throw new IllegalStateException("a route names two access roles: " + found + " and " + access);
                }
                found = access;
            }
        }
        if (found == null) {
            throw new IllegalStateException("a route was registered without an access role");
        }
        return found;
    }
}
