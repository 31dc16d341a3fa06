package be.carnet.client.vault;

import be.carnet.client.form.FieldError;
import java.time.Duration;

/**
 * How long the vault stays open without a request before it locks itself: a whole number of minutes
 * between {@link #MIN} and {@link #MAX}, {@link #DEFAULT} unless the traveller chose otherwise.
 *
 * @param minutes the number of minutes
 */
public record IdleMinutes(int minutes) {

    public static final int MIN = 1;
    public static final int MAX = 120;
    public static final IdleMinutes DEFAULT = new IdleMinutes(10);
    /** The form field, and the name of its label ({@code client.field.idleMinutes}). */
    public static final String FIELD = "idleMinutes";
    /** The rule's message key suffix ({@code client.rule.minutesBetween}). */
    static final String RULE = "minutesBetween";

    public IdleMinutes {
        if (minutes < MIN || minutes > MAX) {
            throw new IllegalArgumentException("the idle lock must be between " + MIN + " and " + MAX + " minutes");
        }
    }

    /** The result of reading the form: exactly one of {@code value} and {@code error}. */
    public record Parsed(IdleMinutes value, FieldError error) {
    }

    /**
     * Reads what the traveller typed: ASCII digits only (no sign, no decimals, no spaces inside), between
     * {@link #MIN} and {@link #MAX}; surrounding spaces are ignored.
     */
    public static Parsed parse(String untrusted) {
        if (untrusted == null || untrusted.isBlank()) {
            return new Parsed(null, FieldError.of(FIELD, "required"));
        }
        String text = untrusted.strip();
        if (text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Parsed(null, FieldError.of(FIELD, RULE, MIN, MAX));
        }
        int value = Integer.parseInt(text);
        if (value < MIN || value > MAX) {
            return new Parsed(null, FieldError.of(FIELD, RULE, MIN, MAX));
        }
        return new Parsed(new IdleMinutes(value), null);
    }

    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }
}
