package be.carnet.client.incident;

import be.carnet.client.web.Chrome;
import be.carnet.client.web.Paths;
import java.util.List;

/**
 * One journal entry, read only.
 *
 * @param chrome the page frame
 * @param entry the entry
 * @param amended the entry it corrects, when it is an addendum (null otherwise or if that one is gone)
 * @param addenda the entries that correct it, oldest first
 */
public record IncidentPage(Chrome chrome, JournalEntry entry, JournalEntry amended, List<JournalEntry> addenda) {

    public IncidentPage {
        addenda = List.copyOf(addenda);
    }

    public static String href(JournalEntry entry) {
        return Paths.incident(entry.reportId());
    }

    /** Whole hours of {@code minutes}. */
    public static int hours(int minutes) {
        return minutes / 60;
    }

    /** The minutes past the hour, two digits. */
    public static String minutesPast(int minutes) {
        return String.format("%02d", minutes % 60);
    }
}
