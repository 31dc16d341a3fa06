package be.carnet.client.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.web.WebFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident form's time zone through the real server (the laptop's zone is Asia/Shanghai in the fixture,
 * now is 1 December 2026): named as a person reads it, starting in the zone last chosen or the laptop's, and
 * every incident time shown in the zone it happened in, named.
 */
class ZoneFieldTest {

    private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]+)\" selected>([^<]*)</option>");

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir).setUp();
        web.enrol();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static Map<String, String> incidentIn(String zone, String description) {
        Map<String, String> form = new HashMap<>(WebFixture.incident(description));
        form.put("zone", zone);
        form.put("occurredAt", "2026-11-30T14:30");
        return form;
    }

    private static List<String> selected(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = SELECTED.matcher(between(html, "<select id=\"zone\"", "</select>"));
        while (m.find()) {
            out.add(m.group(1) + " = " + m.group(2));
        }
        return out;
    }

    @Test
    void aBlankFormStartsInTheLaptopsZoneNamedAsAPersonReadsIt() {
        String form = web.browser.get("/incidents/new").body();

        assertEquals(List.of("Asia/Shanghai = Chine — Pékin (UTC+8) — cet ordinateur"), selected(form));
        assertTrue(form.contains("data-zone-default=\"system\""), form);
        assertTrue(form.contains("data-now-ms=\"1796112000000\""), "the app's now, for the script: " + form);
        assertTrue(form.contains("<script src=\"/static/zone.js\" defer></script>"), form);
        assertTrue(form.contains("<optgroup label=\"Europe\">"), form);
        assertTrue(form.contains("<option value=\"Europe/Brussels\">Belgique — Bruxelles (UTC+1)</option>"), form);
        assertTrue(form.contains("<optgroup label=\"Autres fuseaux\">"), form);
        assertTrue(form.contains("<option value=\"Asia/Chongqing\">Asia/Chongqing (UTC+8)</option>"), form);
        assertTrue(form.contains("value=\"2026-12-01T16:00\""), form);
    }

    @Test
    void theZoneLastChosenWinsOverTheLaptopsAndIsKeptSealed() throws SQLException, IOException {
        web.browser.post("/incidents", incidentIn("Europe/Brussels", "Un QR code sur le menu"));

        String form = web.browser.get("/incidents/new").body();

        assertEquals(List.of("Europe/Brussels = Belgique — Bruxelles (UTC+1) — dernier utilisé"), selected(form));
        assertTrue(form.contains("<option value=\"Asia/Shanghai\">Chine — Pékin (UTC+8) — cet ordinateur</option>"),
                form);
        assertFalse(form.contains("data-zone-default"), form);
        assertFalse(form.contains("zone.js"), form);
        assertTrue(form.contains("value=\"2026-12-01T09:00\""), form);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vault.db"));
             Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM secrets WHERE name = 'last-zone'")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
        assertFalse(contains(dir.resolve("vault.db"), "Europe/Brussels"), "the zone is sealed");
        assertFalse(contains(dir.resolve("vault.db-wal"), "Europe/Brussels"), "the zone is sealed");
    }

    @Test
    void aFormTypedBackOrADraftKeepsItsOwnZoneAndNoScriptChangesIt() {
        Map<String, String> refused = incidentIn("Europe/Paris", "");

        String typedBack = web.browser.post("/incidents", refused).body();
        String location = web.browser.post("/incidents", withAction(incidentIn("Asia/Tokyo", "brouillon"))).location();
        String draft = web.browser.get(location).body();

        assertEquals(List.of("Europe/Paris = France — Paris (UTC+1)"), selected(typedBack));
        assertFalse(typedBack.contains("data-zone-default"), typedBack);
        assertEquals(List.of("Asia/Tokyo = Japon — Tokyo (UTC+9) — dernier utilisé"), selected(draft));
        assertFalse(draft.contains("zone.js"), draft);
    }

    @Test
    void theQuickLogTakesTheZoneLastChosen() {
        web.browser.post("/incidents", incidentIn("Europe/Brussels", "Un QR code sur le menu"));

        web.browser.post("/incidents/quick", Map.of("category", "T04", "severity", "S1", "line", "appel étrange",
                "back", "/"));
        String list = web.browser.get("/incidents").body();

        String draft = between(list, "<li class=\"draft\"", "</li>");
        assertTrue(draft.contains("1 déc. 2026 09:00 (Bruxelles, UTC+1)"), draft);
    }

    @Test
    void everyIncidentTimeIsShownInTheZoneItHappenedInNamed() {
        web.browser.post("/incidents", incidentIn("Asia/Shanghai", "à Shanghai"));
        web.clock.advance(java.time.Duration.ofMinutes(1));
        web.browser.post("/incidents", incidentIn("Europe/Brussels", "à Bruxelles"));

        String list = web.browser.get("/incidents").body();
        String firstRow = between(list, "<tr class=\"incident\"", "</tr>");
        String secondRow = between(list.substring(list.indexOf(firstRow) + firstRow.length()), "<tr class=\"incident\"",
                "</tr>");
        String href = between(secondRow, "href=\"", "\"");
        String reportPath = href.substring("href=\"".length(), href.length() - 1);
        String entry = web.browser.get(reportPath).body();

        assertTrue(firstRow.contains("30 nov. 2026 14:30 (Bruxelles, UTC+1)"), firstRow);
        assertTrue(secondRow.contains("30 nov. 2026 14:30 (Pékin, UTC+8)"), secondRow);
        assertTrue(entry.contains("<dd id=\"entry-occurred\">30 nov. 2026 14:30 (Pékin, UTC+8)</dd>"), entry);
        assertTrue(entry.contains("<dd id=\"entry-logged\">1 déc. 2026 16:00 (Pékin, UTC+8)</dd>"), entry);
    }

    private static Map<String, String> withAction(Map<String, String> form) {
        Map<String, String> out = new HashMap<>(form);
        out.put("action", "draft");
        return out;
    }

    private static boolean contains(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in " + text);
        int to = text.indexOf(end, from + start.length());
        return text.substring(from, to + end.length());
    }
}
