package be.carnet.client.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.client.briefing.BundleChanges.Change;
import be.carnet.protocol.bundle.BundleFile;
import be.carnet.protocol.bundle.BundleManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BundleChangesTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    static Stream<Arguments> differences() {
        return Stream.of(
                Arguments.of("unchanged", Map.of("briefings/x/fr.md", A), Map.of("briefings/x/fr.md", A), Map.of()),
                Arguments.of("new", Map.of(), Map.of("briefings/x/fr.md", A), Map.of("x", Change.NEW)),
                Arguments.of("removed", Map.of("briefings/x/fr.md", A), Map.of(), Map.of("x", Change.REMOVED)),
                Arguments.of("one language changed", Map.of("briefings/x/fr.md", A, "briefings/x/nl.md", A),
                        Map.of("briefings/x/fr.md", A, "briefings/x/nl.md", B), Map.of("x", Change.CHANGED)),
                Arguments.of("a language added", Map.of("briefings/x/fr.md", A),
                        Map.of("briefings/x/fr.md", A, "briefings/x/en.md", B), Map.of("x", Change.CHANGED)),
                Arguments.of("a language dropped", Map.of("briefings/x/fr.md", A, "briefings/x/en.md", B),
                        Map.of("briefings/x/fr.md", A), Map.of("x", Change.CHANGED)),
                Arguments.of("other files ignored", Map.of("briefings/x/fr.md", A, "glossary.json", A),
                        Map.of("briefings/x/fr.md", A, "glossary.json", B, "briefings/x/notes.txt", B), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void comparesTheBriefingFilesOfTheTwoManifests(String name, Map<String, String> before, Map<String, String> after,
                                                   Map<String, Change> expected) {
        BundleManifest previous = manifest(1, before);
        BundleManifest next = manifest(2, after);

        BundleChanges changes = BundleChanges.between(previous, next);

        assertEquals(new BundleChanges(2, expected), changes);
    }

    @Test
    void listsNewAndChangedInTheNewBundleOrderThenTheRemoved() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("briefings/gone/fr.md", A);
        before.put("briefings/edited/fr.md", A);
        before.put("briefings/same/fr.md", A);
        Map<String, String> after = new LinkedHashMap<>();
        after.put("briefings/same/fr.md", A);
        after.put("briefings/added/nl.md", A);
        after.put("briefings/edited/fr.md", B);

        BundleChanges changes = BundleChanges.between(manifest(3, before), manifest(4, after));

        assertEquals(List.of("added", "edited", "gone"), List.copyOf(changes.briefings().keySet()));
        assertEquals(List.of("added"), changes.ids(Change.NEW));
        assertEquals(List.of("edited"), changes.ids(Change.CHANGED));
        assertEquals(List.of("gone"), changes.ids(Change.REMOVED));
    }

    @Test
    void aSummaryNotDismissedIsMergedWithTheNextOne() {
        BundleChanges first = new BundleChanges(2, Map.of("a", Change.NEW, "b", Change.NEW, "c", Change.REMOVED,
                "d", Change.CHANGED, "e", Change.CHANGED));
        BundleChanges second = new BundleChanges(3, Map.of("a", Change.CHANGED, "b", Change.REMOVED,
                "c", Change.NEW, "e", Change.REMOVED, "f", Change.NEW));

        BundleChanges merged = first.then(second);

        assertEquals(new BundleChanges(3, Map.of("a", Change.NEW, "c", Change.CHANGED, "d", Change.CHANGED,
                "e", Change.REMOVED, "f", Change.NEW)), merged);
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        Map<String, Change> briefings = new LinkedHashMap<>();
        briefings.put("on-site", Change.CHANGED);
        briefings.put("old", Change.REMOVED);
        BundleChanges changes = new BundleChanges(7, briefings);

        BundleChanges read = BundleChanges.decode(changes.encode());

        assertEquals(changes, read);
        assertEquals(List.of("on-site", "old"), List.copyOf(read.briefings().keySet()));
    }

    private static BundleManifest manifest(long version, Map<String, String> hashes) {
        List<BundleFile> files = new ArrayList<>();
        hashes.forEach((path, sha256) -> files.add(new BundleFile(path, 10, sha256)));
        return new BundleManifest("mission-1", version, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2027-02-01T00:00:00Z"), List.of("fr", "nl"), "key-1", 0, "0".repeat(64), files, null);
    }
}
