package be.carnet.client.incident;

import be.carnet.client.web.Chrome;
import be.carnet.client.web.Paths;
import java.util.List;

/**
 * The drafts, then the journal, newest first.
 *
 * @param chrome the page frame
 * @param drafts incidents still being written
 * @param entries the journal's entries
 */
public record IncidentListPage(Chrome chrome, List<Draft> drafts, List<JournalEntry> entries) {

    public IncidentListPage {
        drafts = List.copyOf(drafts);
        entries = List.copyOf(entries);
    }

    /** The CSS and message suffix of a state: pending, ready, sent, acknowledged. */
    public static String state(IncidentState state) {
        return state.column();
    }

    public static String href(JournalEntry entry) {
        return Paths.incident(entry.reportId());
    }

    public static String href(Draft draft) {
        return Paths.draft(draft.draftId());
    }
}
