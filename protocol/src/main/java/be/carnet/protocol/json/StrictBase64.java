package be.carnet.protocol.json;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Base64;

/**
 * The one base64 form allowed inside Carnet JSON (formats.md 1.3): standard alphabet (RFC 4648 §4), padded
 * with {@code =} to a multiple of 4 characters, no line break or other character, and unused trailing bits
 * zero. Each byte string has exactly one such text, so no bit of an envelope or receipt can change without
 * changing what it decodes to. Stateless and thread-safe.
 */
public final class StrictBase64 {

    private StrictBase64() {
    }

    /** The canonical text of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes {@code text}, refusing every form but the canonical one.
     *
     * @param field names the field in the message, e.g. {@code "envelope.signature"}
     * @throws JsonFormatException naming the field and the rule broken, never the value
     */
    public static byte[] decode(String text, String field) {
        int length = text.length();
        if (length % 4 != 0) {
            throw new JsonFormatException(field + " must be base64 padded with = to a multiple of 4 characters");
        }
        int padding = length > 0 && text.charAt(length - 1) == '=' ? (text.charAt(length - 2) == '=' ? 2 : 1) : 0;
        for (int i = 0; i < length - padding; i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (!alphabet) {
                throw new JsonFormatException(field + " must be standard base64 (A-Z a-z 0-9 + / and final = padding"
                        + " only), found another character at position " + i);
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.getBytes(US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException(field + " must be standard base64", e);
        }
        // The alphabet and length are right, so only non-zero unused bits in the last symbol can differ.
        if (!encode(bytes).equals(text)) {
            throw new JsonFormatException(field + " must be canonical base64: the unused bits of its last"
                    + " character must be zero");
        }
        return bytes;
    }
}
