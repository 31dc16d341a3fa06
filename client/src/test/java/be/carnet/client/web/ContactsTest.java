package be.carnet.client.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.protocol.briefing.MissionProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emergency-contacts card and the mission passphrase form, through real HTTP. */
class ContactsTest {

    private static final Instant IN_90_DAYS = ServiceFixture.clockStart().plus(Duration.ofDays(90));
    private static final String PROFILE = """
            duty-officer.name: Permanence <b>sécurité</b>
            duty-officer.phone: +32 2 555 01 00
            duty-officer.hours: 24/7
            security-officer.name: Anne Dubois
            security-officer.phone: +32 470 55 01 01
            security-officer.email: anne.dubois@agence.example
            """;

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static Map<String, byte[]> withContacts(String profile) {
        Map<String, byte[]> files = new LinkedHashMap<>(ServiceFixture.files("texte"));
        files.put("briefings/emergency-contacts/fr.md",
                ServiceFixture.briefing("emergency-contacts", "fr", "during", "Contacts d’urgence", "VSSE info@vsse.be")
                        .getBytes(UTF_8));
        files.put("briefings/emergency-contacts/nl.md",
                ServiceFixture.briefing("emergency-contacts", "nl", "during", "Noodcontacten", "VSSE info@vsse.be")
                        .getBytes(UTF_8));
        if (profile != null) {
            files.put(MissionProfile.PATH, profile.getBytes(UTF_8));
        }
        return files;
    }

    @Test
    void theCardShowsTheMissionContactsThenThePublicOnes() {
        web.agency.publish(1, IN_90_DAYS, withContacts(PROFILE));
        web.setUp().enrol();

        Browser.Response card = web.browser.get("/contacts");

        assertEquals(200, card.status());
        assertTrue(card.body().contains("<h1>Contacts d’urgence</h1>"), card.body());
        assertTrue(card.body().contains("<dt>Permanence de l’agence</dt>"), card.body());
        assertTrue(card.body().contains("<span class=\"name\">Permanence &lt;b&gt;sécurité&lt;/b&gt;</span>"), card.body());
        assertTrue(card.body().contains("<a class=\"phone\" href=\"tel:+3225550100\">+32 2 555 01 00</a>"), card.body());
        assertTrue(card.body().contains("<span class=\"email\">anne.dubois@agence.example</span>"), card.body());
        assertTrue(card.body().indexOf("contact-duty-officer") < card.body().indexOf("contact-security-officer"));
        assertTrue(card.body().contains("<section id=\"contacts-public\" lang=\"fr\">"), card.body());
        assertTrue(card.body().contains("VSSE info@vsse.be"), card.body());
    }

    @Test
    void theCardIsOneClickFromEveryUnlockedPageAndSpeaksDutch() {
        web.agency.publish(1, IN_90_DAYS, withContacts(PROFILE));
        web.setUp().enrol();
        web.browser.post("/language", Map.of("lang", "nl", "back", "/"));

        for (String page : new String[] {"/", Paths.briefing("pre-departure"), "/incidents", "/incidents/new", "/sync",
                "/search", "/enrol"}) {
            assertTrue(web.browser.get(page).body().contains("<a id=\"nav-contacts\" href=\"/contacts\">Noodcontacten</a>"),
                    page);
        }
        Browser.Response card = web.browser.get("/contacts");
        assertTrue(card.body().contains("<dt>Veiligheidsverantwoordelijke</dt>"), card.body());
        assertTrue(card.body().contains("<section id=\"contacts-public\" lang=\"nl\">"), card.body());
    }

    @Test
    void withoutAMissionProfileTheCardSaysWhatToAsk() {
        web.agency.publish(1, IN_90_DAYS, withContacts(null));
        web.setUp().enrol();

        Browser.Response card = web.browser.get("/contacts");

        assertTrue(card.body().contains("id=\"contacts-no-profile\">Votre agence n’a pas mis les contacts"), card.body());
        assertTrue(card.body().contains("<section id=\"contacts-public\""), card.body());
    }

    @Test
    void beforeAnyBundleTheCardExplainsWhereContactsComeFrom() {
        web.setUp();

        Browser.Response card = web.browser.get("/contacts");

        assertEquals(200, card.status());
        assertTrue(card.body().contains("id=\"contacts-none\">Les contacts arrivent avec les briefings"), card.body());
    }

    @Test
    void theCardIsNotShownWhileLocked() {
        web.agency.publish(1, IN_90_DAYS, withContacts(PROFILE));
        web.setUp().enrol();
        web.browser.post("/lock", Map.of());

        Browser.Response card = web.browser.get("/contacts");

        assertEquals(303, card.status());
        assertEquals("/unlock", card.location());
        assertFalse(card.body().contains("555 01 00"));
    }

    @Test
    void aPassphraseOnlyBundleIsInstalledOnceTheMissionPassphraseIsTyped() {
        web.agency.publishWithPassphrase(1, IN_90_DAYS, withContacts(PROFILE), "sept ponts sur la Meuse", false);
        web.setUp().enrol();

        Browser.Response asked = web.browser.get(web.browser.post("/briefings-update", Map.of()).location());
        Browser.Response wrong = web.browser.get(web.browser.post("/briefings-update",
                Map.of("passphrase", "huit ponts sur la Meuse")).location());
        Browser.Response right = web.browser.get(web.browser.post("/briefings-update",
                Map.of("passphrase", "sept ponts sur la Meuse")).location());

        assertTrue(asked.body().contains("Ces briefings sont protégés par la phrase de passe de la mission."), asked.body());
        assertTrue(asked.body().contains("<input type=\"password\" id=\"passphrase\" name=\"passphrase\""), asked.body());
        assertTrue(wrong.body().contains("Phrase de passe de la mission : elle n’ouvre pas ces briefings"), wrong.body());
        assertTrue(right.body().contains("Contacts d’urgence"), right.body());
        assertTrue(web.browser.get("/contacts").body().contains("+32 2 555 01 00"));
        assertFalse(right.body().contains("sept ponts"));
    }
}
