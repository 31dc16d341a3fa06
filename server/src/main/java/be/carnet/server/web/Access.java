package be.carnet.server.web;

import io.javalin.security.RouteRole;

/** Who may call a route; checked by the one access filter in {@link WebServer}. */
public enum Access implements RouteRole {
    /** Anyone with a browser; a POST still needs the session's CSRF token. */
    ANYONE,
    /** A logged-in staff member. */
    STAFF,
    /** A logged-in administrator. */
    ADMIN,
    /** A traveller's app: no cookie, no CSRF; the signed content is the authentication. */
    DEVICE
}
