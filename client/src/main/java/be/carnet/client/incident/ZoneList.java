package be.carnet.client.incident;

import be.carnet.client.web.Localizer;
import be.carnet.i18n.Times;
import be.carnet.i18n.ZoneChoices;
import java.text.Collator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The choices of the incident form's time-zone field, as a person reads them: first the traveller's own
 * (the zone last chosen, the laptop's), then the short list by region ("Chine — Pékin (UTC+8)"), then every
 * other zone by id. Offsets are those at {@code now}. Exactly one option is selected: the first whose
 * value is the form's zone.
 *
 * @param groups the option groups, in order
 * @param fromSystem true on a blank form whose zone is the laptop's because the traveller has not chosen one
 *     yet: a script may then replace it by the browser's zone (the same machine's, unless the Java runtime
 *     was started in another), and the time by the same instant on that zone's wall clock
 * @param now the instant the form's time was taken at (the app's clock, not the browser's)
 */
public record ZoneList(List<Group> groups, boolean fromSystem, Instant now) {

    /**
     * An option group.
     *
     * @param label its label in the reader's language
     * @param options its options
     */
    public record Group(String label, List<Option> options) {
    }

    /**
     * One zone to choose.
     *
     * @param id the zone id sent with the form
     * @param label what the reader sees
     * @param selected whether it is the one selected
     */
    public record Option(String id, String label, boolean selected) {
    }

    /**
     * The list for a form whose zone is {@code selected}.
     *
     * @param remembered the zone the traveller last chose, if any
     * @param system the laptop's zone
     * @param selected the form's zone id (what was typed back, a draft's zone, or the default)
     * @param blank true for a new, empty form (not one typed back, not a draft)
     */
    static ZoneList build(Localizer t, Optional<ZoneId> remembered, ZoneId system, String selected, boolean blank,
                          Instant now) {
        Times times = t.times();
        List<Group> groups = new ArrayList<>();
        Selection selection = new Selection(selected);

        List<Option> own = new ArrayList<>();
        remembered.ifPresent(zone -> own.add(selection.option(zone.getId(),
                t.text("zone.marked", times.zoneLabel(zone, now), t.text("zone.last")))));
        if (remembered.isEmpty() || !remembered.get().equals(system)) {
            own.add(selection.option(system.getId(), t.text("zone.marked", times.zoneLabel(system, now), t.text("zone.system"))));
        }
        groups.add(new Group(t.text("zone.region.suggested"), own));

        Collator collator = Collator.getInstance(t.language().locale());
        for (ZoneChoices.Region region : ZoneChoices.Region.values()) {
            List<Option> options = ZoneChoices.SHORT_LIST.stream().filter(c -> c.region() == region)
                    .map(c -> new Option(c.zone().getId(), times.zoneLabel(c.zone(), now), false))
                    .sorted(Comparator.comparing(Option::label, collator))
                    .map(o -> selection.option(o.id(), o.label()))
                    .toList();
            groups.add(new Group(t.text("zone.region." + region.name()), options));
        }

        List<Option> others = new ArrayList<>();
        for (String id : ZoneChoices.allIds()) {
            ZoneId zone = ZoneId.of(id);
            if (ZoneChoices.of(zone).isEmpty()) {
                others.add(selection.option(id, times.zoneLabel(zone, now)));
            }
        }
        groups.add(new Group(t.text("zone.region.more"), others));
        return new ZoneList(List.copyOf(groups), blank && remembered.isEmpty() && selected.equals(system.getId()), now);
    }

    /** {@link #now} in epoch milliseconds, for the script; null when no script runs. */
    public String nowMillis() {
        return fromSystem ? Long.toString(now.toEpochMilli()) : null;
    }

    /** Marks the first option with the selected value, and only that one. */
    private static final class Selection {
        private final String value;
        private boolean done;

        Selection(String value) {
            this.value = value;
        }

        Option option(String id, String label) {
            boolean selected = !done && id.equals(value);
            done |= selected;
            return new Option(id, label, selected);
        }
    }
}
