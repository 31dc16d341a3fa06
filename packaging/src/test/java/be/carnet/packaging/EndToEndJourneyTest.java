package be.carnet.packaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.web.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole journey of issue 2 in a real browser: before departure, during the trip (offline), on
 * return, at the debrief.
 */
class EndToEndJourneyTest {

    private static final Path CONTENT = Path.of("..", "content");
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path data;

    @Test
    void travellerEnrolsReadsLogsOfflineSyncsAndTheAnalystSeesTheIncident() throws IOException {
        String marker = "ZX" + UUID.randomUUID().toString().replace("-", "");
        String description = "Ordinateur déplacé dans la chambre pendant le dîner <script>alert(1)</script> " + marker;
        try (Demo demo = Demo.start(CONTENT, data, 0, 0); Browser browser = new Browser()) {
            String agency = demo.agencyUrl();

            // Before departure: passphrase, enrolment, the briefing in Dutch then French.
            browser.open(demo.traveller().launchUrl());
            browser.type("passphrase", PASSPHRASE);
            browser.type("confirm", PASSPHRASE);
            browser.submit("#setup-submit");
            browser.find("#nav-enrol").click();
            browser.type("server", agency);
            browser.type("code", demo.enrolmentCode());
            browser.submit("#enrol-submit");
            assertTrue(browser.text("#enrolment-status").contains(Demo.TRAVELLER_ALIAS), browser.text("#enrolment-status"));

            browser.submit("#lang-nl");
            browser.find("#nav-home").click();
            browser.find("a.briefing-link[href='" + Paths.briefing("pre-departure") + "']").click();
            assertEquals("Voor vertrek", browser.text("#briefing h1"));
            assertEquals("nl", browser.find("html").getAttribute("lang"));
            browser.submit("#lang-fr");
            assertEquals("Avant le départ", browser.text("#briefing h1"));
            assertEquals("fr", browser.find("html").getAttribute("lang"));

            // During the trip: the agency is out of reach; the incident is logged offline.
            demo.stopAgency();
            browser.find("#nav-new-incident").click();
            new Select(browser.find("#category")).selectByValue("T03");
            new Select(browser.find("#severity")).selectByValue("S2");
            browser.type("place", "Hôtel, Shanghai");
            browser.type("description", description);
            browser.submit("#incident-submit");
            assertEquals(1, browser.driver.findElements(By.cssSelector("#incidents tr.incident")).size());

            // On return: the agency is back; sync and see the receipt.
            demo.restartAgency();
            browser.find("#nav-sync").click();
            browser.submit("#sync-submit");
            assertEquals(1, browser.driver.findElements(By.cssSelector("#sync-result .receipt")).size(),
                    browser.text("#sync-result"));

            // Debrief: the analyst sees the incident with its text, category and the traveller's alias.
            browser.open(agency + "/login");
            browser.type("username", Demo.ADMIN_USER);
            browser.type("password", demo.adminPassword());
            browser.submit("#login-submit");
            browser.open(agency + "/missions");
            browser.find("a.mission-link").click();
            browser.find("#reports a.report-link").click();
            assertEquals(description, browser.text("#report-description"));
            assertTrue(browser.text("#report-category").contains("T03"), browser.text("#report-category"));
            assertEquals(Demo.TRAVELLER_ALIAS, browser.text("#report-alias"));
        }

        assertMarkerNowhereInClear(data.resolve("traveller"), marker);
    }

    @Test
    void travellerFindsWifiInBothLanguagesAndTicksSurviveARestart() throws IOException {
        try (Demo demo = Demo.start(CONTENT, data, 0, 0); Browser browser = new Browser()) {
            browser.open(demo.traveller().launchUrl());
            browser.type("passphrase", PASSPHRASE);
            browser.type("confirm", PASSPHRASE);
            browser.submit("#setup-submit");
            browser.find("#nav-enrol").click();
            browser.type("server", demo.agencyUrl());
            browser.type("code", demo.enrolmentCode());
            browser.submit("#enrol-submit");

            // Search in French, then in Dutch: the results follow the traveller's language.
            browser.submit("#lang-fr");
            browser.find("#nav-home").click();
            browser.type("q", "wifi");
            browser.submit("#search-submit");
            browser.find(".search-result");
            assertEquals("fr", browser.find("html").getAttribute("lang"));
            assertFalse(browser.driver.findElements(By.cssSelector(".search-result")).isEmpty());

            // Switching language on the results keeps the query (from memory, not the address): the same search, in Dutch.
            browser.submit("#lang-nl");
            browser.find(".search-result");
            assertEquals("nl", browser.find("html").getAttribute("lang"));
            assertEquals("wifi", browser.find("#search-q").getAttribute("value"));
            List<String> dutchResults = browser.driver.findElements(By.cssSelector(".search-result")).stream()
                    .map(result -> result.getText()).toList();
            assertTrue(dutchResults.stream().anyMatch(text -> text.contains("Voor vertrek")), dutchResults.toString());

            // The emergency-contacts card is one click away: the mission's contacts, then the public ones.
            browser.find("#nav-contacts").click();
            assertTrue(browser.text("#contact-duty-officer").contains("+32 2 555 01 00"), browser.text("#contacts"));
            assertTrue(browser.text("#contact-security-officer").contains("Veiligheidsverantwoordelijke"));
            assertTrue(browser.text("#contacts-public").contains("info@vsse.be"), browser.text("#contacts"));

            // Tick two items of the pre-departure checklist.
            browser.find("#nav-home").click();
            browser.find("a.briefing-link[href='" + Paths.briefing("pre-departure") + "']").click();
            browser.submit("#check-p2-trip-device");
            browser.submit("#check-p4-backup");
            assertTrue(browser.text("#checklist-progress").startsWith("2 / "), browser.text("#checklist-progress"));

            // The traveller app restarts (a reboot): unlock again, the ticks are still there.
            demo.restartTraveller();
            browser.open(demo.traveller().launchUrl());
            browser.type("passphrase", PASSPHRASE);
            browser.submit("#unlock-submit");
            browser.find("#nav-home").click();
            browser.find("a.briefing-link[href='" + Paths.briefing("pre-departure") + "']").click();
            assertTrue(browser.find("#" + Paths.checklistItem("p2-trip-device")).getAttribute("class").contains("checked"));
            assertTrue(browser.find("#" + Paths.checklistItem("p4-backup")).getAttribute("class").contains("checked"));
            assertTrue(browser.text("#checklist-progress").startsWith("2 / "), browser.text("#checklist-progress"));
        }
    }

    private static void assertMarkerNowhereInClear(Path travellerData, String marker) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(travellerData)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "the traveller app wrote no files");
        byte[] needle = marker.getBytes(UTF_8);
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            assertFalse(contains(content, needle), "the incident text is in clear in " + file);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
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
