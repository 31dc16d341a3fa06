package be.carnet.client.briefing;

import be.carnet.i18n.Language;
import be.carnet.protocol.briefing.Briefing;
import be.carnet.protocol.briefing.MissionProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The briefings of the installed bundle, decrypted and parsed in memory; dropped when the vault locks.
 * Immutable and thread-safe.
 *
 * @param version the bundle version
 * @param sha256 hex SHA-256 of the whole bundle file (to tell a re-download of the same bundle)
 * @param created when the agency built it
 * @param expires after this the traveller is warned that it may be out of date ({@link #expiredAt})
 * @param briefings by id (bundle order), then by language code
 * @param unreadable how many briefing files (or the mission profile) could not be parsed (they are left out)
 * @param profile the mission's contacts from the bundle's mission profile, or {@code null} if it has none
 */
public record BriefingLibrary(long version, String sha256, Instant created, Instant expires,
                              Map<String, Map<String, Briefing>> briefings, int unreadable, MissionProfile profile) {

    /** The briefing whose body is the public part of the emergency-contacts card. */
    public static final String CONTACTS_BRIEFING = "emergency-contacts";

    /** The phases in the order the home page shows them. */
    public static final List<String> PHASES = List.of("before", "during", "return");

    public BriefingLibrary {
        Map<String, Map<String, Briefing>> copy = new LinkedHashMap<>();
        briefings.forEach((id, byLanguage) -> copy.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage))));
        briefings = Collections.unmodifiableMap(copy);
    }

    /** The mission's own contacts, when the bundle carries a mission profile. */
    public Optional<MissionProfile> mission() {
        return Optional.ofNullable(profile);
    }

    /** Whether {@code expires} has passed at {@code now}: asked at each render, never frozen at open time. */
    public boolean expiredAt(Instant now) {
        return now.isAfter(expires);
    }

    /**
     * A briefing as shown in a language.
     *
     * @param briefing the version shown
     * @param fallback true when it is in another language than the one asked for
     */
    public record Shown(Briefing briefing, boolean fallback) {
    }

    /** The briefing {@code id} in {@code language}, or in its fallback language. */
    public Optional<Shown> find(String id, Language language) {
        Map<String, Briefing> byLanguage = briefings.get(id);
        if (byLanguage == null) {
            return Optional.empty();
        }
        for (String code : preference(language)) {
            Briefing briefing = byLanguage.get(code);
            if (briefing != null) {
                return Optional.of(new Shown(briefing, !code.equals(language.code())));
            }
        }
        return Optional.empty();
    }

    /** Every briefing of {@code phase} in {@code language} (or its fallback), in bundle order. */
    public List<Shown> inPhase(String phase, Language language) {
        List<Shown> out = new ArrayList<>();
        for (String id : briefings.keySet()) {
            find(id, language).filter(s -> s.briefing().phase().equals(phase)).ifPresent(out::add);
        }
        return out;
    }

    /** English falls back to French; French and Dutch fall back to each other, then to English. */
    static List<String> preference(Language language) {
        return switch (language) {
            case FR -> List.of("fr", "nl", "en");
            case NL -> List.of("nl", "fr", "en");
            case EN -> List.of("en", "fr", "nl");
        };
    }
}
