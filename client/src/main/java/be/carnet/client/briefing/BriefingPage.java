package be.carnet.client.briefing;

import be.carnet.protocol.briefing.Briefing;
import be.carnet.client.web.Chrome;
import java.util.Set;

/**
 * One briefing with its checklist.
 *
 * @param chrome the page frame
 * @param briefing the briefing, parsed from the verified bundle (its text is escaped when rendered)
 * @param fallback true when it is shown in another language than the traveller's
 * @param expired true when the bundle has expired
 * @param ticked the ids of its ticked checklist items
 */
public record BriefingPage(Chrome chrome, Briefing briefing, boolean fallback, boolean expired, Set<String> ticked) {

    public BriefingPage {
        ticked = Set.copyOf(ticked);
    }

    public boolean isTicked(String itemId) {
        return ticked.contains(itemId);
    }

    /** Ticked items that are still in the checklist. */
    public int done() {
        return (int) briefing.checklist().stream().filter(item -> ticked.contains(item.id())).count();
    }

    public int total() {
        return briefing.checklist().size();
    }

    /** Only https links become links; anything else is shown as text (the parser allows no other). */
    public static boolean safeUrl(String url) {
        return url != null && url.startsWith("https://") && url.chars().noneMatch(c -> c <= ' ');
    }
}
