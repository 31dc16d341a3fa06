package be.carnet.client.briefing;

import be.carnet.client.web.Chrome;
import be.carnet.client.web.Paths;
import java.util.List;

/**
 * The results of a search over the unlocked briefings.
 *
 * @param chrome the page frame
 * @param query the query as typed (escaped when rendered, never trusted)
 * @param problem why it was not searched ({@code empty} or {@code tooLong}), or null
 * @param results the matching sections, best first
 */
public record SearchPage(Chrome chrome, String query, String problem, List<BriefingIndex.Result> results) {

    public SearchPage {
        results = List.copyOf(results);
    }

    /** The link to a result: its briefing's page, at its section. */
    public static String href(BriefingIndex.Result result) {
        String page = Paths.briefing(result.briefingId());
        return result.anchor().isEmpty() ? page : page + "#" + result.anchor();
    }

    /** The message key naming a section that has no heading of its own, or null when it has one. */
    public static String headingKey(BriefingIndex.Result result) {
        if (!result.heading().isEmpty()) {
            return null;
        }
        return switch (result.kind()) {
            case INTRODUCTION -> "client.search.introduction";
            case CHECKLIST, BODY -> "client.checklist.title";
            case SOURCES -> "client.briefing.sources";
        };
    }
}
