package be.carnet.client.incident;

import be.carnet.client.web.Chrome;
import java.util.List;

/**
 * The journal, newest first.
 *
 * @param chrome the page frame
 * @param entries the incidents
 */
public record IncidentListPage(Chrome chrome, List<JournalEntry> entries) {

    public IncidentListPage {
        entries = List.copyOf(entries);
    }

    /** The CSS and message suffix of a state: pending, ready, sent, acknowledged. */
    public static String state(IncidentState state) {
        return state.column();
    }
}
