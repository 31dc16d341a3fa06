package be.carnet.i18n;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Every time a person reads, in one form: the date and time where it happened, with that place's zone
 * named ("12 nov. 2026 14:05 (Pékin, UTC+8)"), in the reader's language. Both apps format times only
 * through this class, at the edge (templates and page models); storage keeps instants and zone ids.
 * Also names time zones for the incident form ("Chine — Pékin (UTC+8)"). Immutable and thread-safe.
 */
public final class Times {

    private final Translator t;
    private final DateTimeFormatter dateTime;

    public Times(Translator t) {
        this.t = t;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(t.language().locale());
    }

    /** A wall-clock date and time alone (12 nov. 2026 14:05): only where the zone is said beside it. */
    public String local(LocalDateTime when) {
        return dateTime.format(when);
    }

    /** {@code instant} as the wall clock in {@code zone} showed it, the zone named: 12 nov. 2026 14:05 (Pékin, UTC+8). */
    public String inZone(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        String local = local(LocalDateTime.ofInstant(instant, zone));
        if (zone instanceof ZoneOffset || "UTC".equals(zoneName(zone))) {
            return t.t("time.inOffset", local, offset(offset));
        }
        return t.t("time.inZone", local, zoneName(zone), offset(offset));
    }

    /** A date and time known only with its offset: 12 nov. 2026 14:05 (UTC+8). */
    public String inOffset(OffsetDateTime when) {
        return t.t("time.inOffset", local(when.toLocalDateTime()), offset(when.getOffset()));
    }

    /**
     * An incident's {@code occurredAt} (ISO 8601 with offset, section 4.4 of formats.md) in the zone the
     * traveller chose for it, named; with its own offset when {@code zoneId} is empty or unknown; the text
     * itself, marked unreadable, when it is not such a time.
     */
    public String occurredAt(String iso, String zoneId) {
        Optional<OffsetDateTime> when = parseOccurredAt(iso);
        if (when.isEmpty()) {
            return t.t("time.invalid", iso);
        }
        Optional<ZoneId> zone = zone(zoneId);
        if (zone.isPresent() && zone.get().getRules().getOffset(when.get().toInstant()).equals(when.get().getOffset())) {
            return inZone(when.get().toInstant(), zone.get());
        }
        return inOffset(when.get());
    }

    /**
     * An incident's {@code occurredAt} as the agency shows it: where it happened (its offset: reports carry
     * no zone id) and, when the agency's clock showed another time, the agency's time in brackets:
     * 12 nov. 2026 14:05 (UTC+8) [12 nov. 2026 07:05 (Bruxelles, UTC+1) à l’agence].
     */
    public String occurredAtForAgency(String iso, ZoneId agencyZone) {
        Optional<OffsetDateTime> when = parseOccurredAt(iso);
        if (when.isEmpty()) {
            return t.t("time.invalid", iso);
        }
        String there = inOffset(when.get());
        Instant instant = when.get().toInstant();
        if (agencyZone.getRules().getOffset(instant).equals(when.get().getOffset())) {
            return there;
        }
        return t.t("time.atAgency", there, inZone(instant, agencyZone));
    }

    /** The name of {@code zone} a person recognises: its city in this language (Pékin), else the id's last part. */
    public String zoneName(ZoneId zone) {
        String key = "zone.city." + zone.getId();
        if (t.has(key)) {
            return t.t(key);
        }
        String id = zone.getId();
        if (id.equals("UTC") || id.equals("Z") || id.equals("Etc/UTC") || id.equals("GMT")) {
            return "UTC";
        }
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }

    /**
     * The label of {@code zone} in the zone list, with its offset at {@code at}: "Chine — Pékin (UTC+8)" for
     * a zone of the short list, "Chongqing (Asia/Chongqing, UTC+8)"-like for the others.
     */
    public String zoneLabel(ZoneId zone, Instant at) {
        String offset = offset(zone.getRules().getOffset(at));
        Optional<ZoneChoices.Choice> choice = ZoneChoices.of(zone);
        if (choice.isPresent()) {
            String country = new Locale("", choice.get().country()).getDisplayCountry(t.language().locale());
            return t.t("zone.label", country, zoneName(zone), offset);
        }
        String name = zoneName(zone);
        if (name.equals("UTC")) {
            return "UTC";
        }
        return t.t("zone.labelAlone", zone.getId(), offset);
    }

    /** An offset as people write it: UTC, UTC+8, UTC+5:30, UTC-3. */
    public static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int abs = Math.abs(seconds);
        int hours = abs / 3600;
        int minutes = abs / 60 % 60;
        return "UTC" + (seconds < 0 ? "-" : "+") + hours + (minutes == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes));
    }

    /**
     * Reads an {@code occurredAt} as formats.md 4.4 writes it ({@code YYYY-MM-DDTHH:MM±HH:MM}, or {@code Z} for
     * offset zero; seconds and a fraction are accepted too); empty when it is not one.
     */
    public static Optional<OffsetDateTime> parseOccurredAt(String iso) {
        if (iso == null || iso.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String zoneId) {
        if (zoneId == null || zoneId.isEmpty() || zoneId.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zoneId));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
