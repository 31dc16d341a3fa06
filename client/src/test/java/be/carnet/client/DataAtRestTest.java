package be.carnet.client;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.web.Browser;
import be.carnet.client.web.Paths;
import be.carnet.client.web.WebFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing the traveller wrote or read is ever stored in clear in the data directory. */
class DataAtRestTest {

    private static final String INCIDENT_MARKER = "ZQX-incident-7f3a-témoin";
    private static final String PENDING_MARKER = "ZQX-pending-91bd-témoin";
    private static final String BRIEFING_MARKER = "ZQX-briefing-c2e8-témoin";
    private static final String PLACE_MARKER = "ZQX-place-55aa";
    private static final String REMOVED_ID_MARKER = "zqx-removed-3d9f";
    private static final String NEW_ID_MARKER = "zqx-new-81c0";

    @TempDir
    Path dir;

    @Test
    void incidentAndBriefingTextAreNowhereInClearWhileRunningAndAfterARestart() {
        try (WebFixture web = WebFixture.started(dir)) {
            web.agency.publish(1, TestParts.START.plus(Duration.ofDays(30)), ServiceFixture.files(BRIEFING_MARKER));
            web.setUp();
            web.browser.post("/incidents", incident(PENDING_MARKER));
            web.enrol();
            web.browser.post("/incidents", incident(INCIDENT_MARKER));
            web.browser.post("/checklist", Map.of("briefing", "pre-departure", "item", "backup", "ticked", "true"));
            assertTrue(web.browser.get(Paths.briefing("pre-departure")).body().contains(BRIEFING_MARKER));

            assertEquals(List.of(), filesContainingAMarker());

            web.restart();
            web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
            Browser.Response list = web.browser.get("/incidents");
            assertTrue(list.body().contains(PLACE_MARKER));
            web.browser.post("/sync", Map.of());

            assertEquals(List.of(), filesContainingAMarker());
        }
        assertEquals(List.of(), filesContainingAMarker());
    }

    @Test
    void theSummaryOfChangedBriefingsIsNowhereInClear() {
        try (WebFixture web = WebFixture.started(dir)) {
            Map<String, byte[]> one = new java.util.LinkedHashMap<>(ServiceFixture.files(BRIEFING_MARKER));
            one.put("briefings/" + REMOVED_ID_MARKER + "/fr.md", ServiceFixture.briefing(REMOVED_ID_MARKER, "fr",
                    "before", "Retiré", BRIEFING_MARKER).getBytes(UTF_8));
            Map<String, byte[]> two = new java.util.LinkedHashMap<>(ServiceFixture.files(BRIEFING_MARKER));
            two.put("briefings/" + NEW_ID_MARKER + "/fr.md", ServiceFixture.briefing(NEW_ID_MARKER, "fr",
                    "before", "Nouveau", BRIEFING_MARKER).getBytes(UTF_8));
            web.agency.publish(1, TestParts.START.plus(Duration.ofDays(30)), one);
            web.setUp();
            web.enrol();
            web.agency.publish(2, TestParts.START.plus(Duration.ofDays(30)), two);
            web.browser.post("/briefings-update", Map.of());
            String home = web.browser.get("/").body();
            assertTrue(home.contains("<code>" + REMOVED_ID_MARKER + "</code>"), home);
            assertTrue(home.contains("href=\"" + Paths.briefing(NEW_ID_MARKER) + "\""), home);

            assertEquals(List.of(), filesContainingAMarker());

            web.restart();
            web.browser.post("/unlock", Map.of("passphrase", WebFixture.PASSPHRASE));
            assertTrue(web.browser.get("/").body().contains("<code>" + REMOVED_ID_MARKER + "</code>"));

            assertEquals(List.of(), filesContainingAMarker());
        }
        assertEquals(List.of(), filesContainingAMarker());
    }

    private static Map<String, String> incident(String description) {
        Map<String, String> form = new java.util.LinkedHashMap<>(WebFixture.incident(description));
        form.put("place", PLACE_MARKER);
        return form;
    }

    /** Every file in the data directory (the database, -wal, -shm, the key file) searched for every marker. */
    private List<String> filesContainingAMarker() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (String marker : List.of(INCIDENT_MARKER, PENDING_MARKER, BRIEFING_MARKER, PLACE_MARKER,
                        REMOVED_ID_MARKER, NEW_ID_MARKER, "Mission économique Chine", "Délégué 7")) {
                    if (contains(content, marker.getBytes(UTF_8)) || contains(content, marker.getBytes(UTF_16LE))) {
                        found.add(dir.relativize(file) + ": " + marker);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void theDataDirectoryHoldsOnlyTheDatabaseAndTheWrappedKey() throws IOException {
        try (WebFixture web = WebFixture.started(dir)) {
            web.setUp();
        }

        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("vault.db") && names.contains("vault.key"), names.toString());
            assertTrue(names.stream().allMatch(n -> n.startsWith("vault.")), names.toString());
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
