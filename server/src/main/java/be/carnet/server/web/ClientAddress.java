package be.carnet.server.web;

import io.javalin.config.Key;
import io.javalin.config.NoValueForKeyException;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request comes from: the one key for every per-client limit (login and enrolment
 * attempts, and any other per-address budget). Call {@link #of(Context)}.
 *
 * <p>The client is the connection's peer, unless the peer is one of the configured trusted proxies
 * ({@code serve --trusted-proxies}); then it is the right-most address in {@code X-Forwarded-For} that
 * is not itself a trusted proxy. Entries to the left of that one were written by the client and are
 * never used. With no trusted proxy configured (the default) the header is ignored altogether, so no
 * client can choose its own key by sending it.
 */
public final class ClientAddress {

    /** Where {@code WebServer} keeps the configured instance for {@link #of(Context)}. */
    public static final Key<ClientAddress> KEY = new Key<>("carnet.clientAddress");
    /** Right-most hops looked at; a longer chain falls back to the last trusted hop's word. */
    static final int MAX_HOPS = 16;

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final ClientAddress PEER_ONLY = new ClientAddress(Set.of());

    private final Set<String> trustedProxies;

    private ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** No trusted proxy: the client is always the connection's peer. */
    public static ClientAddress peerOnly() {
        return PEER_ONLY;
    }

    /**
     * Trusts {@code X-Forwarded-For} from the given proxy addresses (IPv4 or IPv6 literals, no names).
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP address
     */
    public static ClientAddress trusting(Collection<String> proxies) {
        Set<String> normalised = new LinkedHashSet<>();
        for (String proxy : proxies) {
            String address = normalise(proxy).orElseThrow(() -> new IllegalArgumentException(
                    "trusted proxy \"" + printable(proxy) + "\" is not an IPv4 or IPv6 address"));
            normalised.add(address);
        }
        return normalised.isEmpty() ? PEER_ONLY : new ClientAddress(Collections.unmodifiableSet(normalised));
    }

    /**
     * Parses a comma-separated list such as {@code 127.0.0.1,::1}; blank means none.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP address
     */
    public static ClientAddress parse(String commaSeparated) {
        List<String> entries = new ArrayList<>();
        if (commaSeparated != null) {
            for (String entry : commaSeparated.split(",", -1)) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return trusting(entries);
    }

    /** The trusted proxies, normalised; empty by default. */
    public Set<String> trustedProxies() {
        return trustedProxies;
    }

    /** The client address of {@code ctx}, with the server's configured trusted proxies. */
    public static String of(Context ctx) {
        ClientAddress configured;
        try {
            configured = ctx.appData(KEY);
        } catch (NoValueForKeyException e) {
            configured = PEER_ONLY;
        }
        return configured.resolve(ctx);
    }

    /** The client address of {@code ctx} with this instance's trusted proxies. */
    public String resolve(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (trustedProxies.isEmpty()) {
            return normalise(peer).orElse(String.valueOf(peer));
        }
        List<String> forwarded = new ArrayList<>();
        Enumeration<String> lines = ctx.req().getHeaders("X-Forwarded-For");
        while (lines != null && lines.hasMoreElements()) {
            forwarded.add(lines.nextElement());
        }
        return resolve(peer, forwarded);
    }

    /**
     * The client address for a connection from {@code peer} that carried the {@code X-Forwarded-For}
     * header lines {@code forwardedFor} (in order; each may list several hops).
     */
    public String resolve(String peer, List<String> forwardedFor) {
        String current = normalise(peer).orElse(String.valueOf(peer));
        if (!trustedProxies.contains(current)) {
            return current;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            Optional<String> hop = normalise(hops.get(i));
            if (hop.isEmpty()) {
                // Not an address: a trusted proxy never writes that, so it is the client's own text.
                return current;
            }
            current = hop.get();
            if (!trustedProxies.contains(current)) {
                return current;
            }
        }
        return current;
    }

    /**
     * The canonical text of an IP literal ({@code [::1]} and {@code 0:0:0:0:0:0:0:1} both become
     * {@code 0:0:0:0:0:0:0:1}), or empty when {@code text} is not one. Never looks a name up.
     */
    static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(s).matches();
        boolean v6 = !v4 && s.indexOf(':') >= 0 && IPV6.matcher(s).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // A literal: getByName parses it without any lookup.
            return Optional.of(InetAddress.getByName(s).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String printable(String s) {
        String text = String.valueOf(s);
        String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
