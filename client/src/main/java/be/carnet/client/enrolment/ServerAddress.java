package be.carnet.client.enrolment;

import java.net.URI;
import java.net.URISyntaxException;
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
    public enum Rule { REQUIRED, TOO_LONG, NOT_A_URL, SCHEME, HOST, EXTRAS }

    /** A typed address that breaks a rule. */
    public static final class InvalidException extends IllegalArgumentException {
        private final Rule rule;

        InvalidException(Rule rule, String message) {
            super(message);
            this.rule = rule;
        }

        public Rule rule() {
            return rule;
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
