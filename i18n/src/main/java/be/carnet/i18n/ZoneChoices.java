package be.carnet.i18n;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The short list of time zones a Belgian mission traveller plausibly uses, each with the country it is in
 * and a region to group it under; the catalogues name its city ({@code zone.city.<id>}) in each language.
 * Java has no zone-to-country table (that is ICU's or the tz database's {@code zone.tab}), so the list is
 * curated here; every other zone stays available under "other zones" with a name made from its id.
 * Immutable.
 */
public final class ZoneChoices {

    /** Where a zone is listed in the form. */
    public enum Region { EUROPE, AFRICA_MIDDLE_EAST, ASIA, AMERICAS, OCEANIA }

    /**
     * One zone of the short list.
     *
     * @param zone the zone
     * @param country its ISO 3166 country code, for {@link java.util.Locale#getDisplayCountry}
     * @param region where it is listed
     */
    public record Choice(ZoneId zone, String country, Region region) {
    }

    /** The short list, in the order of the table below (grouped by region in the form). */
    public static final List<Choice> SHORT_LIST = List.of(
            zone("Europe/Brussels", "BE", Region.EUROPE),
            zone("Europe/Paris", "FR", Region.EUROPE),
            zone("Europe/Amsterdam", "NL", Region.EUROPE),
            zone("Europe/Luxembourg", "LU", Region.EUROPE),
            zone("Europe/Berlin", "DE", Region.EUROPE),
            zone("Europe/London", "GB", Region.EUROPE),
            zone("Europe/Dublin", "IE", Region.EUROPE),
            zone("Europe/Madrid", "ES", Region.EUROPE),
            zone("Europe/Lisbon", "PT", Region.EUROPE),
            zone("Europe/Rome", "IT", Region.EUROPE),
            zone("Europe/Zurich", "CH", Region.EUROPE),
            zone("Europe/Vienna", "AT", Region.EUROPE),
            zone("Europe/Warsaw", "PL", Region.EUROPE),
            zone("Europe/Prague", "CZ", Region.EUROPE),
            zone("Europe/Budapest", "HU", Region.EUROPE),
            zone("Europe/Copenhagen", "DK", Region.EUROPE),
            zone("Europe/Stockholm", "SE", Region.EUROPE),
            zone("Europe/Oslo", "NO", Region.EUROPE),
            zone("Europe/Helsinki", "FI", Region.EUROPE),
            zone("Europe/Athens", "GR", Region.EUROPE),
            zone("Europe/Bucharest", "RO", Region.EUROPE),
            zone("Europe/Kyiv", "UA", Region.EUROPE),
            zone("Europe/Istanbul", "TR", Region.EUROPE),
            zone("Europe/Minsk", "BY", Region.EUROPE),
            zone("Europe/Moscow", "RU", Region.EUROPE),
            zone("Africa/Casablanca", "MA", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Algiers", "DZ", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Tunis", "TN", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Cairo", "EG", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Dakar", "SN", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Abidjan", "CI", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Lagos", "NG", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Kinshasa", "CD", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Lubumbashi", "CD", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Kigali", "RW", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Bujumbura", "BI", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Addis_Ababa", "ET", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Nairobi", "KE", Region.AFRICA_MIDDLE_EAST),
            zone("Africa/Johannesburg", "ZA", Region.AFRICA_MIDDLE_EAST),
            zone("Asia/Jerusalem", "IL", Region.AFRICA_MIDDLE_EAST),
            zone("Asia/Riyadh", "SA", Region.AFRICA_MIDDLE_EAST),
            zone("Asia/Qatar", "QA", Region.AFRICA_MIDDLE_EAST),
            zone("Asia/Dubai", "AE", Region.AFRICA_MIDDLE_EAST),
            zone("Asia/Tehran", "IR", Region.AFRICA_MIDDLE_EAST),
            zone("Asia/Shanghai", "CN", Region.ASIA),
            zone("Asia/Hong_Kong", "HK", Region.ASIA),
            zone("Asia/Taipei", "TW", Region.ASIA),
            zone("Asia/Tokyo", "JP", Region.ASIA),
            zone("Asia/Seoul", "KR", Region.ASIA),
            zone("Asia/Singapore", "SG", Region.ASIA),
            zone("Asia/Kuala_Lumpur", "MY", Region.ASIA),
            zone("Asia/Jakarta", "ID", Region.ASIA),
            zone("Asia/Bangkok", "TH", Region.ASIA),
            zone("Asia/Ho_Chi_Minh", "VN", Region.ASIA),
            zone("Asia/Manila", "PH", Region.ASIA),
            zone("Asia/Kolkata", "IN", Region.ASIA),
            zone("Asia/Karachi", "PK", Region.ASIA),
            zone("Asia/Dhaka", "BD", Region.ASIA),
            zone("Asia/Tashkent", "UZ", Region.ASIA),
            zone("Asia/Almaty", "KZ", Region.ASIA),
            zone("America/New_York", "US", Region.AMERICAS),
            zone("America/Chicago", "US", Region.AMERICAS),
            zone("America/Denver", "US", Region.AMERICAS),
            zone("America/Los_Angeles", "US", Region.AMERICAS),
            zone("America/Toronto", "CA", Region.AMERICAS),
            zone("America/Vancouver", "CA", Region.AMERICAS),
            zone("America/Mexico_City", "MX", Region.AMERICAS),
            zone("America/Bogota", "CO", Region.AMERICAS),
            zone("America/Lima", "PE", Region.AMERICAS),
            zone("America/Santiago", "CL", Region.AMERICAS),
            zone("America/Sao_Paulo", "BR", Region.AMERICAS),
            zone("America/Argentina/Buenos_Aires", "AR", Region.AMERICAS),
            zone("Australia/Sydney", "AU", Region.OCEANIA),
            zone("Australia/Perth", "AU", Region.OCEANIA),
            zone("Pacific/Auckland", "NZ", Region.OCEANIA));

    private static final Map<ZoneId, Choice> BY_ZONE = SHORT_LIST.stream()
            .collect(Collectors.toUnmodifiableMap(Choice::zone, Function.identity()));

    private ZoneChoices() {
    }

    /** The short-list entry of {@code zone}, if it is on the list. */
    public static Optional<Choice> of(ZoneId zone) {
        return Optional.ofNullable(BY_ZONE.get(zone));
    }

    /**
     * Every zone id a traveller may choose: the regional ids of the tz database ({@code Area/City}) and
     * {@code UTC}, without the {@code Etc/} and {@code SystemV/} aliases.
     */
    public static List<String> allIds() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.equals("UTC") || (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")))
                .sorted().toList();
    }

    private static Choice zone(String id, String country, Region region) {
        return new Choice(ZoneId.of(id), country, region);
    }
}
