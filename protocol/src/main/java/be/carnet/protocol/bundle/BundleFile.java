package be.carnet.protocol.bundle;

import be.carnet.protocol.bundle.BundleRejectedException.Reason;
import java.util.regex.Pattern;

/**
 * One file of a bundle's content.
 *
 * @param path a relative path: lowercase letters, digits, {@code . _ -} and {@code /} between names;
 *     no empty, {@code .} or {@code ..} segment
 * @param size its length in bytes
 * @param sha256 hex SHA-256 of its bytes
 */
public record BundleFile(String path, long size, String sha256) {

    public static final int MAX_PATH = 200;
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9_][a-z0-9._-]*");

    public BundleFile {
        checkPath(path);
        if (size < 0) {
            throw new BundleRejectedException(Reason.MALFORMED, "file size must not be negative");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new BundleRejectedException(Reason.MALFORMED, "file sha256 must be 64 lowercase hex digits");
        }
    }

    /** Refuses traversal, absolute paths and odd characters. */
    public static void checkPath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH) {
            throw new BundleRejectedException(Reason.PATH, "a file path must have 1 to " + MAX_PATH + " characters");
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.contains("..")) {
                throw new BundleRejectedException(Reason.PATH, "file path \"" + sanitize(path) + "\" is not allowed");
            }
        }
    }

    private static String sanitize(String path) {
        return path.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
