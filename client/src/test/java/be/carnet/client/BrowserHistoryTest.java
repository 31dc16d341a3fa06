package be.carnet.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.web.Browser;
import be.carnet.client.web.Paths;
import be.carnet.client.web.WebFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the browser keeps in its history says nothing about the mission: every page of the route table, in
 * every vault state, is titled "Carnet" only, and no address the app hands the browser (links, form
 * actions, the language switch's return address, redirects) carries the traveller's or the agency's words.
 */
class BrowserHistoryTest {

    /** In every word the test writes or the agency publishes; must never appear in an address. */
    private static final String SECRET = "zqx";
    private static final String DESTINATION = "chine";
    private static final String BRIEFING_ID = "zqx-chine";
    private static final String ITEM_ID = "zqx-chine-vpn";
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:href|action|src|formaction)=\"([^\"]*)\"|name=\"back\" value=\"([^\"]*)\"");
    private static final Pattern INCIDENT_LINK = Pattern.compile("href=\"(/incidents/[0-9a-f-]{36})\"");

    @TempDir
    Path dir;

    @Test
    void everyPageInEveryVaultStateIsTitledCarnetOnlyAndNoAddressCarriesTheTravellersWords() {
        try (WebFixture web = WebFixture.started(dir)) {
            Map<String, byte[]> files = new LinkedHashMap<>(ServiceFixture.files("zqx-texte"));
            files.put("briefings/" + BRIEFING_ID + "/fr.md", destinationBriefing().getBytes(UTF_8));
            web.agency.publish(1, TestParts.START.plus(Duration.ofDays(30)), files);
            List<String> addresses = new ArrayList<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("/briefings/{id}", Paths.briefing(BRIEFING_ID));

            walk(web, parameters, addresses, "no vault");
            web.setUp();
            web.enrol();
            Browser.Response draft = web.browser.post("/incidents", incident("draft"));
            parameters.put("/drafts/{id}", draft.location());
            web.browser.post("/incidents", incident("save"));
            Matcher incident = INCIDENT_LINK.matcher(web.browser.get("/incidents").body());
            assertTrue(incident.find(), "the list links to the saved incident");
            parameters.put("/incidents/{id}", incident.group(1));
            addresses.add(draft.location());
            addresses.add(web.browser.post(draft.location(), incident("draft")).location());
            addresses.add(web.browser.post("/checklist", Map.of("briefing", BRIEFING_ID, "item", ITEM_ID,
                    "ticked", "true")).location());
            Browser.Response results = web.browser.post("/search", Map.of("q", "zqx chine"));
            assertTrue(results.body().contains("Destination ZQX Chine"), results.body());
            check(results, addresses, "POST /search");
            addresses.add(web.browser.post("/language", Map.of("lang", "nl", "back", "/search")).location());
            walk(web, parameters, addresses, "unlocked");
            web.browser.post("/lock", Map.of());
            walk(web, parameters, addresses, "locked");
            check(web.browser.get("/nothing-here"), addresses, "404");
            check(new Browser(web.app.port()).get("/"), addresses, "no session");

            List<String> revealing = addresses.stream().filter(address -> address != null
                    && (address.toLowerCase(Locale.ROOT).contains(SECRET)
                    || address.toLowerCase(Locale.ROOT).contains(DESTINATION))).toList();
            assertEquals(List.of(), revealing);
            assertTrue(addresses.contains(Paths.briefing(BRIEFING_ID)), "the walk saw the briefing's link");
            assertTrue(addresses.contains(Paths.briefing(BRIEFING_ID) + "#" + Paths.checklistItem(ITEM_ID)),
                    "the walk saw the checklist's redirect");
        }
    }

    /** GETs every route of the table and checks each answer. */
    private static void walk(WebFixture web, Map<String, String> parameters, List<String> addresses, String state) {
        List<String> paths = web.app.getPaths();
        assertTrue(paths.contains(Paths.SEARCH) && paths.contains(Paths.HOME), paths.toString());
        for (String path : paths) {
            String concrete = path.contains("{") ? parameters.get(path) : path;
            if (concrete == null) {
                assertTrue(state.equals("no vault"), "a route with a parameter this test does not know: " + path);
                continue;
            }
            check(web.browser.get(concrete), addresses, state + " GET " + path);
        }
    }

    private static void check(Browser.Response response, List<String> addresses, String what) {
        addresses.add(response.location());
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("text/html")) {
            return;
        }
        Matcher title = TITLE.matcher(response.body());
        assertTrue(title.find(), what + " has a title");
        assertEquals("Carnet", title.group(1), what);
        assertTrue(!title.find(), what + " has one title");
        Matcher address = ADDRESS.matcher(response.body());
        while (address.find()) {
            addresses.add(address.group(1) != null ? address.group(1) : address.group(2));
        }
    }

    private static Map<String, String> incident(String action) {
        return Map.of("category", "T04", "severity", "S2", "tlp", "AMBER", "occurredAt", "2026-12-03T14:30",
                "zone", "Asia/Shanghai", "place", "Hôtel ZQX, Chine", "description", "Fouille ZQX à la frontière chinoise",
                "action", action);
    }

    private static String destinationBriefing() {
        return "---\n"
                + "id: " + BRIEFING_ID + "\n"
                + "lang: fr\n"
                + "title: Destination ZQX Chine\n"
                + "summary: Ce qui change en Chine.\n"
                + "phase: before\n"
                + "level: H\n"
                + "reviewed: 2026-11-28\n"
                + "sources:\n"
                + "  - VSSE | Sûreté de l’État | https://vsse.be/\n"
                + "---\n"
                + "\n"
                + "## Ce qui change en Chine\n"
                + "\n"
                + "Le VPN zqx ne s’utilise que sur consigne.\n"
                + "\n"
                + "## Liste de contrôle\n"
                + "\n"
                + "- [ ] Demander la consigne VPN pour la Chine. {#" + ITEM_ID + "}\n";
    }
}
