package be.carnet.client.briefing;

import be.carnet.client.web.Chrome;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The home page: the mission, the state of its bundle, and the briefings grouped by phase.
 *
 * @param chrome the page frame
 * @param missionName the mission, or null before enrolment
 * @param bundle the installed bundle, or null
 * @param sections the phases that hold briefings, in order
 * @param changes what the last bundle update changed, until dismissed; or null
 */
public record HomePage(Chrome chrome, String missionName, BundleStatus bundle, List<PhaseSection> sections,
                       Changes changes) {

    public HomePage {
        sections = List.copyOf(sections);
    }

    /** True when some briefing is shown in another language than the traveller's. */
    public boolean anyFallback() {
        return sections.stream().flatMap(s -> s.briefings().stream()).anyMatch(BriefingLink::fallback);
    }

    /**
     * What changed when a newer bundle was installed.
     *
     * @param version the version now installed
     * @param briefings the new and changed briefings, then the removed ones
     */
    public record Changes(long version, List<ChangedBriefing> briefings) {

        public Changes {
            briefings = List.copyOf(briefings);
        }
    }

    /**
     * One briefing in {@link Changes}.
     *
     * @param id its id
     * @param title its title in the traveller's language (or fallback), or null when it is removed or unreadable
     * @param lang the language of that title, or null
     * @param change new, changed or removed
     */
    public record ChangedBriefing(String id, String title, String lang, BundleChanges.Change change) {

        /** The catalogue key of the mark shown next to it. */
        public String markKey() {
            return "client.home.changes." + change.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The installed bundle as the traveller sees it.
     *
     * @param version its version
     * @param expires when it should be replaced
     * @param expired true when that date has passed
     * @param unreadable how many briefing files were left out
     */
    public record BundleStatus(long version, Instant expires, boolean expired, int unreadable) {
    }

    /**
     * One phase of the trip.
     *
     * @param phase before, during or return
     * @param briefings its briefings in bundle order
     */
    public record PhaseSection(String phase, List<BriefingLink> briefings) {

        public PhaseSection {
            briefings = List.copyOf(briefings);
        }
    }

    /**
     * A link to one briefing.
     *
     * @param id its id
     * @param title its title
     * @param summary its summary, or empty
     * @param level its level (B, M, H…)
     * @param lang the language of the text shown
     * @param fallback true when that is not the traveller's language
     * @param done checklist items ticked
     * @param total checklist items
     */
    public record BriefingLink(String id, String title, String summary, String level, String lang, boolean fallback,
                               int done, int total) {
    }
}
