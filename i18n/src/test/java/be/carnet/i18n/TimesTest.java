package be.carnet.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimesTest {

    private static final Messages MESSAGES = Messages.load();

    private static Times in(Language language) {
        return MESSAGES.in(language).times();
    }

    static Stream<Arguments> instantsInZones() {
        Instant november = Instant.parse("2026-11-12T06:05:00Z");
        Instant july = Instant.parse("2026-07-12T06:05:00Z");
        return Stream.of(
                Arguments.of(Language.FR, november, "Asia/Shanghai", "12 nov. 2026 14:05 (Pékin, UTC+8)"),
                Arguments.of(Language.NL, november, "Asia/Shanghai", "12 nov. 2026 14:05 (Peking, UTC+8)"),
                Arguments.of(Language.EN, november, "Asia/Shanghai", "12 Nov 2026, 14:05 (Beijing, UTC+8)"),
                // Brussels in winter and in summer time.
                Arguments.of(Language.FR, november, "Europe/Brussels", "12 nov. 2026 07:05 (Bruxelles, UTC+1)"),
                Arguments.of(Language.FR, july, "Europe/Brussels", "12 juil. 2026 08:05 (Bruxelles, UTC+2)"),
                Arguments.of(Language.NL, july, "Europe/Brussels", "12 jul. 2026 08:05 (Brussel, UTC+2)"),
                // Half-hour offsets, zones west of UTC, a southern summer.
                Arguments.of(Language.EN, november, "Asia/Kolkata", "12 Nov 2026, 11:35 (New Delhi, UTC+5:30)"),
                Arguments.of(Language.EN, november, "America/New_York", "12 Nov 2026, 01:05 (New York, Washington, UTC-5)"),
                Arguments.of(Language.EN, november, "Australia/Sydney", "12 Nov 2026, 17:05 (Sydney, Canberra, UTC+11)"),
                // A zone off the short list: its city from the id; UTC named once.
                Arguments.of(Language.FR, november, "Asia/Chongqing", "12 nov. 2026 14:05 (Chongqing, UTC+8)"),
                Arguments.of(Language.FR, november, "UTC", "12 nov. 2026 06:05 (UTC)"));
    }

    @ParameterizedTest
    @MethodSource("instantsInZones")
    void namesTheZoneAndItsOffsetAtThatInstant(Language language, Instant instant, String zone, String expected) {
        assertEquals(expected, in(language).inZone(instant, ZoneId.of(zone)));
    }

    @Test
    void theNightTheClocksGoBackShowsTwoDifferentOffsetsForTheSameWallClock() {
        Times times = in(Language.FR);
        ZoneId brussels = ZoneId.of("Europe/Brussels");

        String first = times.inZone(Instant.parse("2026-10-25T00:30:00Z"), brussels);
        String second = times.inZone(Instant.parse("2026-10-25T01:30:00Z"), brussels);

        assertEquals("25 oct. 2026 02:30 (Bruxelles, UTC+2)", first);
        assertEquals("25 oct. 2026 02:30 (Bruxelles, UTC+1)", second);
    }

    static Stream<Arguments> occurredAts() {
        return Stream.of(
                Arguments.of("2026-11-12T14:05+08:00", "Asia/Shanghai", "12 nov. 2026 14:05 (Pékin, UTC+8)"),
                // No zone kept (older entries): the offset it was written with.
                Arguments.of("2026-11-12T14:05+08:00", "", "12 nov. 2026 14:05 (UTC+8)"),
                Arguments.of("2026-11-12T14:05Z", "", "12 nov. 2026 14:05 (UTC)"),
                // A zone that does not match the written offset: what was written wins.
                Arguments.of("2026-11-12T14:05+08:00", "Europe/Brussels", "12 nov. 2026 14:05 (UTC+8)"),
                Arguments.of("2026-11-12T14:05+08:00", "Not/AZone", "12 nov. 2026 14:05 (UTC+8)"),
                Arguments.of("yesterday", "Asia/Shanghai", "yesterday (heure illisible)"));
    }

    @ParameterizedTest
    @MethodSource("occurredAts")
    void showsAnIncidentTimeInTheZoneTheTravellerChose(String occurredAt, String zone, String expected) {
        assertEquals(expected, in(Language.FR).occurredAt(occurredAt, zone));
    }

    @Test
    void theAgencyAddsItsOwnTimeInBracketsWhenItsClockShowedAnother() {
        ZoneId brussels = ZoneId.of("Europe/Brussels");

        assertEquals("12 nov. 2026 14:05 (UTC+8) [12 nov. 2026 07:05 (Bruxelles, UTC+1) à l’agence]",
                in(Language.FR).occurredAtForAgency("2026-11-12T14:05+08:00", brussels));
        assertEquals("12 Nov 2026, 14:05 (UTC+8) [12 Nov 2026, 07:05 (Brussels, UTC+1) at the agency]",
                in(Language.EN).occurredAtForAgency("2026-11-12T14:05+08:00", brussels));
        assertEquals("12 nov. 2026 07:05 (UTC+1)",
                in(Language.NL).occurredAtForAgency("2026-11-12T07:05+01:00", brussels));
    }

    @Test
    void labelsAZoneByCountryAndCityAPersonRecognises() {
        Instant november = Instant.parse("2026-11-12T06:05:00Z");

        assertEquals("Chine — Pékin (UTC+8)", in(Language.FR).zoneLabel(ZoneId.of("Asia/Shanghai"), november));
        assertEquals("China — Peking (UTC+8)", in(Language.NL).zoneLabel(ZoneId.of("Asia/Shanghai"), november));
        assertEquals("Belgium — Brussels (UTC+1)", in(Language.EN).zoneLabel(ZoneId.of("Europe/Brussels"), november));
        assertEquals("Belgique — Bruxelles (UTC+2)",
                in(Language.FR).zoneLabel(ZoneId.of("Europe/Brussels"), Instant.parse("2026-07-01T00:00:00Z")));
        assertEquals("Asia/Chongqing (UTC+8)", in(Language.FR).zoneLabel(ZoneId.of("Asia/Chongqing"), november));
        assertEquals("UTC", in(Language.FR).zoneLabel(ZoneId.of("UTC"), november));
    }

    @Test
    void everyZoneOfTheShortListIsAvailableNamedInEveryLanguageAndListedOnce() {
        Set<ZoneId> seen = new HashSet<>();

        for (ZoneChoices.Choice choice : ZoneChoices.SHORT_LIST) {
            assertTrue(seen.add(choice.zone()), choice.zone() + " listed twice");
            assertTrue(ZoneChoices.allIds().contains(choice.zone().getId()), choice.zone() + " not offered");
            for (Language language : Language.values()) {
                assertTrue(MESSAGES.in(language).has("zone.city." + choice.zone().getId()),
                        choice.zone() + " has no city name in " + language.code());
            }
        }
        assertTrue(ZoneChoices.SHORT_LIST.size() >= 60, "a short list of about 60 zones");
    }

    @Test
    void writesOffsetsAsPeopleDo() {
        assertEquals("UTC", Times.offset(ZoneOffset.UTC));
        assertEquals("UTC+8", Times.offset(ZoneOffset.ofHours(8)));
        assertEquals("UTC+5:30", Times.offset(ZoneOffset.ofHoursMinutes(5, 30)));
        assertEquals("UTC-3", Times.offset(ZoneOffset.ofHours(-3)));
        assertEquals("UTC-9:30", Times.offset(ZoneOffset.ofHoursMinutes(-9, -30)));
    }
}
