package be.carnet.client.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * One-time launch tokens: the secret in the launcher's URL that opens the first session, so another user
 * of the same computer cannot open the app on its loopback port. Each token works once; a token is
 * compared in constant time. At most {@link #MAX_OUTSTANDING} unused tokens are kept. Thread-safe.
 */
public final class LaunchTokens {

    static final int MAX_OUTSTANDING = 8;

    private final List<String> outstanding = new ArrayList<>();

    /** A new one-time token. */
    public synchronized String issue() {
        if (outstanding.size() >= MAX_OUTSTANDING) {
            outstanding.remove(0);
        }
        String token = Sessions.randomToken();
        outstanding.add(token);
        return token;
    }

    /** True, once, for a token issued and not yet used. */
    synchronized boolean consume(String candidate) {
        if (candidate == null) {
            return false;
        }
        byte[] given = candidate.getBytes(UTF_8);
        String match = null;
        for (String token : outstanding) {
            if (MessageDigest.isEqual(token.getBytes(UTF_8), given)) {
                match = token;
            }
        }
        if (match == null) {
            return false;
        }
        outstanding.remove(match);
        return true;
    }
}
