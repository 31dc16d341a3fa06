package be.carnet.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages and formats in one language. Thread-safe.
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}…, replaced literally (no MessageFormat quoting, so an
 * apostrophe is just an apostrophe). Arguments are inserted as given: callers that render HTML pass
 * translations through the template engine's escaping for user data.
 *
 * <p>A message that depends on a count has no plain key but plural forms, {@code KEY.one} and
 * {@code KEY.other}; the count is its first argument ({@code {0}}) and picks the form through
 * {@link Language#pluralCategory}. Callers ask for {@code KEY} either way.
 */
public final class Translator {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final Language language;
    private final Map<String, String> messages;

    Translator(Language language, Map<String, String> messages) {
        this.language = language;
        this.messages = messages;
    }

    public Language language() {
        return language;
    }

    /**
     * The message for {@code key} with {@code args} in its placeholders.
     *
     * @throws MissingMessageException if the key is in no catalogue of this language
     */
    public String t(String key, Object... args) {
        String pattern = messages.get(args.length > 0 && args[0] instanceof Number count
                ? form(key, count.longValue()) : key);
        if (pattern == null) {
            throw new MissingMessageException(key, language);
        }
        if (args.length == 0) {
            return pattern;
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            String value = index < args.length ? String.valueOf(args[index]) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The key of the form {@code key} takes for {@code count}: {@code key} itself when it has no plural
     * forms, else {@code key.one} or {@code key.other}. For callers that format the count first.
     */
    public String form(String key, long count) {
        if (messages.containsKey(key) || !messages.containsKey(key + ".other")) {
            return key;
        }
        return key + "." + language.pluralCategory(count);
    }

    /** True when {@code key} exists in this language. */
    public boolean has(String key) {
        return messages.containsKey(key) || messages.containsKey(key + ".other");
    }

    /** A date and time in {@code zone}, the zone named (see {@link Times#inZone}). */
    public String dateTime(Instant instant, ZoneId zone) {
        return times().inZone(instant, zone);
    }

    /** Times with their zone named, and zone names, in this language (the one way both apps show a time). */
    public Times times() {
        return new Times(this);
    }

    /** A number with this language's grouping. */
    public String number(long value) {
        return java.text.NumberFormat.getIntegerInstance(language.locale()).format(value);
    }
}
