package be.carnet.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 1, as the review found it: the real agency, the real traveller app, a real browser. A
 * traveller mistypes one character of the code's last part; the app refuses before anything reaches the
 * agency, keeps what was typed, the agency still holds the code unused and lists nobody, and the corrected
 * code enrols. (Before the fix the agency spent the code on the first try and refused the corrected one.)
 */
class EnrolmentTypoJourneyTest {

    private static final Path CONTENT = Path.of("..", "content");
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path data;

    @Test
    void aTypoInTheCodeDoesNotBurnItAndTheCorrectedCodeEnrols() throws IOException {
        try (Demo demo = Demo.start(CONTENT, data, 0, 0); Browser browser = new Browser()) {
            String code = demo.enrolmentCode();
            char last = code.charAt(code.length() - 1);
            String typo = code.substring(0, code.length() - 1) + (last == '7' ? '8' : '7');
            browser.open(demo.traveller().launchUrl());
            browser.type("passphrase", PASSPHRASE);
            browser.type("confirm", PASSPHRASE);
            browser.submit("#setup-submit");
            browser.find("#nav-enrol").click();

            browser.type("server", demo.agencyUrl());
            browser.type("code", typo);
            browser.submit("#enrol-submit");

            assertTrue(browser.text("#error-code").contains("does not match the agency at this address"),
                    browser.text("#error-code"));
            assertEquals(typo, browser.find("#code").getAttribute("value"), "the typed code is kept");
            assertEquals(demo.agencyUrl(), browser.find("#server").getAttribute("value"));
            assertFalse(demo.agency().enrolments().codes(demo.missionId()).get(0).used(), "the code is not spent");
            assertEquals(0, demo.agency().enrolments().devices(demo.missionId()).size(), "no ghost enrolment");

            browser.type("code", code);
            browser.submit("#enrol-submit");

            assertTrue(browser.text("#enrolment-status").contains(Demo.TRAVELLER_ALIAS),
                    browser.text("#enrolment-status"));
            assertTrue(demo.agency().enrolments().codes(demo.missionId()).get(0).used());
            assertEquals(1, demo.agency().enrolments().devices(demo.missionId()).size());
        }
    }
}
