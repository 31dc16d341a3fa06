package be.carnet.client.enrolment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The agency server address the traveller typed, checked: {@code http://} or {@code https://}, a host,
 * an optional port and path, and nothing else (no user name, query or fragment).
 *
 * @param uri the normalised address, without a trailing slash
 */
public record ServerAddress(URI uri) {

    public static final int MAX_LENGTH = 200;

    /** The rules a server address must follow, for the page to translate. */
    public enum Rule { REQUIRED, TOO_LONG, NOT_A_URL, SCHEME, HOST, EXTRAS, STAFF_PAGE }

    /**
     * Paths of the agency's own pages (staff pages, the API, static files; see the server's {@code Paths}):
     * an address that holds one was copied from the browser's address bar, not given as the agency's
     * address, and would otherwise fail later as "no briefing published".
     */
    private static final List<String> AGENCY_PAGES = List.of("/login", "/logout", "/missions", "/api", "/static",
            "/language");

    /** A typed address that breaks a rule. */
    public static final class InvalidException extends IllegalArgumentException {
        private final Rule rule;
        private final String extra;

        InvalidException(Rule rule, String message) {
            this(rule, message, null);
        }

        InvalidException(Rule rule, String message, String extra) {
            super(message);
            this.rule = rule;
            this.extra = extra;
        }

        public Rule rule() {
            return rule;
        }

        /** For {@link Rule#STAFF_PAGE}: the part of the path to remove ({@code /login}); else null. */
        public String extra() {
            return extra;
        }
    }

    /** Parses what the traveller typed. */
    public static ServerAddress parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidException(Rule.REQUIRED, "the server address is required");
        }
        String text = typed.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidException(Rule.TOO_LONG, "the server address must be at most " + MAX_LENGTH
                    + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidException(Rule.NOT_A_URL, "the server address is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidException(Rule.SCHEME, "the server address must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidException(Rule.HOST, "the server address must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidException(Rule.EXTRAS, "the server address must not hold a user name, query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String page : AGENCY_PAGES) {
            if (path.equals(page) || path.endsWith(page) || path.contains(page + "/")) {
                throw new InvalidException(Rule.STAFF_PAGE, "the server address is an agency page (" + page
                        + "), not the agency's address: remove " + page + " and what follows", page);
            }
        }
        try {
            return new ServerAddress(new URI(scheme, null, uri.getHost(), uri.getPort(), path.isEmpty() ? null : path,
                    null, null));
        } catch (URISyntaxException e) {
            throw new InvalidException(Rule.NOT_A_URL, "the server address is not a valid URL");
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
