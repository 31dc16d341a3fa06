package be.carnet.server.web;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} header of a download whose file name came from outside (RFC 6266 with the
 * RFC 8187 {@code filename*} form). The name is only ever percent-encoded into the header: whatever it holds
 * (quotes, semicolons, line breaks, slashes, non-ASCII), it cannot end the header, add a parameter or name a
 * folder. Stateless.
 */
public final class ContentDisposition {

    private static final String FALLBACK = "attachment";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDisposition() {
    }

    /**
     * {@code attachment; filename="ascii"; filename*=UTF-8''encoded}: the plain {@code filename} keeps only
     * ASCII letters, digits, dot, dash and underscore (others become {@code _}) for old clients; modern
     * browsers use {@code filename*}, the exact name in UTF-8, percent-encoded.
     */
    public static String attachment(String untrustedName) {
        return "attachment; filename=\"" + asciiFallback(untrustedName) + "\"; filename*=UTF-8''"
                + percentEncode(untrustedName);
    }

    private static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> out.append(isSafe(cp) ? (char) cp : '_'));
        String fallback = out.toString().replaceAll("^[._]+", "");
        return fallback.isEmpty() ? FALLBACK : fallback;
    }

    private static String percentEncode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isSafe(c) || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                || c == '_';
    }
}
