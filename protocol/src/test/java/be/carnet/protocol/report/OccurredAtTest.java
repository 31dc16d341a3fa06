package be.carnet.protocol.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OccurredAtTest {

    static Stream<Arguments> documentedForms() {
        return Stream.of(
                Arguments.of("2026-11-27T22:15+08:00", "2026-11-27T14:15:00Z", 8 * 3600),
                Arguments.of("2026-11-27T22:15Z", "2026-11-27T22:15:00Z", 0),
                Arguments.of("2026-11-27T22:15-03:30", "2026-11-28T01:45:00Z", -(3 * 3600 + 1800)),
                Arguments.of("2026-11-27T22:15:30.5+01:00", "2026-11-27T21:15:30.500Z", 3600));
    }

    @ParameterizedTest
    @MethodSource("documentedForms")
    void readsTheDocumentedForms(String text, String instant, int offsetSeconds) {
        OffsetDateTime when = OccurredAt.parse(text).orElseThrow();

        assertEquals(instant, when.toInstant().toString());
        assertEquals(offsetSeconds, when.getOffset().getTotalSeconds());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "2026-11-27T22:15", "2026-11-27 22:15+08:00", "27/11/2026 22:15", "yesterday",
            "2026-02-30T10:00+01:00", "2026-11-27T22:15+08:00<script>",
            "2026-11-27T22:15:00.000000000000000000000+08:00"})
    void refusesWhatIsNotALocalTimeWithItsOffset(String text) {
        assertEquals(Optional.empty(), OccurredAt.parse(text));
    }

    @Test
    void instantsSortWhereTheirTextDoesNot() {
        List<String> texts = List.of("2026-11-27T14:05+08:00", "2026-11-27T07:30+01:00");

        List<String> byText = texts.stream().sorted().toList();
        List<String> byInstant = texts.stream()
                .sorted(Comparator.comparing(t -> OccurredAt.parse(t).orElseThrow().toInstant())).toList();

        assertEquals(List.of("2026-11-27T07:30+01:00", "2026-11-27T14:05+08:00"), byText);
        assertEquals(List.of("2026-11-27T14:05+08:00", "2026-11-27T07:30+01:00"), byInstant);
    }
}
