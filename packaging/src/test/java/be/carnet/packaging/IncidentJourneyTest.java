package be.carnet.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The traveller's incident journal in real headless Chromium, against the demo's real agency: the quick
 * log from any page, completing the draft, a trip device, an attached file, marking it ready, an addendum,
 * sync, lock and unlock, and the panic wipe.
 */
class IncidentJourneyTest {

    private static final Path CONTENT = Path.of("..", "content");
    private static final String PASSPHRASE = "une phrase de passe pour la démo";

    @TempDir
    Path data;
    @TempDir
    Path files;

    @Test
    void quickLogCompleteAttachReadyAddendumSyncLockUnlockAndWipe() throws IOException {
        Path photo = Files.write(files.resolve("valise-ouverte.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        try (Demo demo = Demo.start(CONTENT, data, 0, 0); Browser browser = new Browser()) {
            browser.open(demo.traveller().launchUrl());
            browser.type("passphrase", PASSPHRASE);
            browser.type("confirm", PASSPHRASE);
            browser.submit("#setup-submit");
            browser.submit("#lang-fr");
            browser.find("#nav-enrol").click();
            browser.type("server", demo.agencyUrl());
            browser.type("code", demo.enrolmentCode());
            browser.submit("#enrol-submit");
            browser.find("#nav-home").click();

            // The quick log, from the page the traveller is reading: category, one line, severity, Log.
            long start = System.nanoTime();
            new Select(browser.find("#quick-category")).selectByValue("T02");
            browser.find("#quick-line").sendKeys("Valise ouverte dans la chambre");
            new Select(browser.find("#quick-severity")).selectByValue("S2");
            browser.submit("#quick-submit");
            long quickMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("quick log: 4 actions, " + quickMillis + " ms of clicks and typing (browser-driven)");
            assertTrue(browser.text("main").contains("C’est noté, comme brouillon chiffré."),
                    browser.text("main"));
            assertTrue(browser.driver.getCurrentUrl().endsWith("/"), browser.driver.getCurrentUrl());

            // A trip device for the list, then complete the draft later.
            browser.find("#nav-incidents").click();
            browser.find("a[href='/devices']").click();
            browser.type("deviceName", "Portable de mission");
            browser.submit("#device-add");
            browser.find("#nav-incidents").click();
            browser.find("#drafts li.draft a").click();
            new Select(browser.find("#device")).selectByVisibleText("Portable de mission");
            browser.type("place", "Hôtel, Shanghai, chambre 1204");
            browser.type("outOfSightHours", "2");
            browser.type("actionsTaken", "Portable éteint et mis sous enveloppe scellée.");
            browser.submit("#draft-save");

            // Attach a photo: sealed at once, listed with its SHA-256.
            browser.find("#file").sendKeys(photo.toAbsolutePath().toString());
            browser.submit("#attach-submit");
            assertTrue(browser.text("#attachment-list").contains("valise-ouverte.jpg"), browser.text("main"));
            assertTrue(browser.text("#attachment-list").contains("SHA-256"));

            // Ready: into the journal, immutable.
            browser.submit("#draft-ready");
            assertTrue(browser.text("#entry-state").contains("Prêt à envoyer"), browser.text("main"));
            assertTrue(browser.text("#entry-attachments").contains("valise-ouverte.jpg"));
            assertTrue(browser.driver.findElements(By.cssSelector("#draft-save")).isEmpty());

            // An addendum corrects it without changing it.
            browser.submit("#addendum-start");
            browser.type("description", "Correction : le portable est resté hors de vue trois heures.");
            browser.type("outOfSightHours", "3");
            browser.submit("#draft-ready");
            assertTrue(browser.text("#entry-amends").startsWith("Corrige"), browser.text("main"));
            browser.find("#entry-amends a").click();
            assertTrue(browser.text("#entry-description").contains("Valise ouverte dans la chambre"));
            assertTrue(browser.text("#entry-addenda").contains("trois heures"));

            // Sync: both entries reach the agency and their receipts are kept.
            browser.find("#nav-sync").click();
            browser.submit("#sync-submit");
            assertEquals(2, browser.driver.findElements(By.cssSelector("#sync-result .receipt")).size(),
                    browser.text("#sync-result"));

            // Lock, unlock: everything is still there.
            browser.submit("#lock");
            browser.type("passphrase", PASSPHRASE);
            browser.submit("#unlock-submit");
            browser.find("#nav-incidents").click();
            assertEquals(2, browser.driver.findElements(By.cssSelector("#incidents tr.incident")).size());

            // Panic wipe: one confirmed action, then nothing is readable.
            browser.find("#nav-wipe").click();
            browser.type("confirm", browser.text("#wipe-word"));
            browser.submit("#wipe-submit");
            assertFalse(Files.exists(data.resolve("traveller").resolve("vault.key")));
            browser.open(demo.traveller().launchUrl());
            assertTrue(browser.driver.getCurrentUrl().endsWith("/setup"), browser.driver.getCurrentUrl());
        }
    }
}
