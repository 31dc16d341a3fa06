package be.carnet.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages Carnet speaks. French and Dutch are complete by rule; English is the third. */
public enum Language {
    FR(Locale.forLanguageTag("fr-BE")),
    NL(Locale.forLanguageTag("nl-BE")),
    EN(Locale.forLanguageTag("en-GB"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The two-letter code, lowercase: fr, nl, en. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The locale dates and numbers are formatted in. */
    public Locale locale() {
        return locale;
    }

    /**
     * The plural form a count takes in this language: {@code "one"} or {@code "other"} (CLDR's
     * cardinal categories for these three languages on whole numbers: French says "0 fait" and
     * "1 fait", Dutch and English "0 gedaan/done" like the plural).
     */
    public String pluralCategory(long count) {
        if (this == FR) {
            return count == 0 || count == 1 ? "one" : "other";
        }
        return count == 1 ? "one" : "other";
    }

    /** The language for a code such as "nl" (case-insensitive), if Carnet speaks it. */
    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The first Carnet language in an Accept-Language header, French when none matches. */
    public static Language fromAcceptLanguage(String header) {
        if (header != null) {
            for (String part : header.split(",")) {
                String tag = part.split(";")[0].strip();
                String primary = tag.length() >= 2 ? tag.substring(0, 2) : tag;
                Optional<Language> found = fromCode(primary);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return FR;
    }
}
