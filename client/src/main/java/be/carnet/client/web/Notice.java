package be.carnet.client.web;

import java.util.List;

/**
 * A message for the next page: a translation key and its arguments (user data is escaped when shown).
 *
 * @param error true for an error ({@code class="error" role="alert"}), false for a notice
 * @param key the message key
 * @param args its placeholders
 */
public record Notice(boolean error, String key, List<Object> args) {

    public Notice {
        args = List.copyOf(args);
    }

    public static Notice info(String key, Object... args) {
        return new Notice(false, key, List.of(args));
    }

    public static Notice error(String key, Object... args) {
        return new Notice(true, key, List.of(args));
    }
}
