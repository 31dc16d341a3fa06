package be.carnet.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.AgencyServer;
import be.carnet.server.TestDevice;
import be.carnet.server.TestHttp;
import be.carnet.server.mission.Mission;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffPagesTest {

    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final String ANALYST_PASSWORD = "analyst reads reports only";

    @TempDir
    static Path data;
    static AgencyServer server;

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", ADMIN_PASSWORD.toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0);
        server.staff().create("test", "analyst", ANALYST_PASSWORD.toCharArray(), be.carnet.server.staff.Role.ANALYST);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static TestHttp admin() {
        TestHttp http = new TestHttp(server.baseUrl());
        assertEquals(303, http.login("admin", ADMIN_PASSWORD).statusCode());
        return http;
    }

    @Test
    void aStaffPageWithoutSessionRedirectsToLogin() {
        TestHttp anonymous = new TestHttp(server.baseUrl());

        HttpResponse<String> response = anonymous.get("/missions");

        assertEquals(303, response.statusCode());
        assertEquals("/login", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theLoginPageHasTheFieldsTheBrowserTestUses() {
        TestHttp anonymous = new TestHttp(server.baseUrl());

        HttpResponse<String> response = anonymous.get("/login", "Accept-Language", "nl-BE,nl;q=0.9");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("name=\"username\""));
        assertTrue(response.body().contains("name=\"password\""));
        assertTrue(response.body().contains("id=\"login-submit\""));
        assertTrue(response.body().contains("id=\"lang-fr\""));
        assertTrue(response.body().contains("id=\"lang-nl\""));
        assertTrue(response.body().contains("id=\"lang-en\""));
        assertTrue(response.body().contains("Aanmelden voor personeel"));
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.matches("carnet_staff=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"), cookie);
    }

    @Test
    void aWrongPasswordIsRefusedAndShownAsAnError() {
        TestHttp http = new TestHttp(server.baseUrl());
        http.get("/login", "Accept-Language", "en");

        HttpResponse<String> response = http.postForm("/login", "username", "admin", "password", "wrong password!!");

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("<p class=\"error\" role=\"alert\" id=\"login-error\">"
                + "The username or the password is wrong.</p>"), response.body());
        assertEquals(303, http.get("/missions").statusCode());
    }

    @Test
    void loginGivesANewSessionIdAndOpensTheMissions() {
        TestHttp http = new TestHttp(server.baseUrl());
        http.get("/login");
        String before = http.cookie();

        HttpResponse<String> response = http.postForm("/login", "username", "admin", "password", ADMIN_PASSWORD);

        assertEquals(303, response.statusCode());
        assertEquals("/missions", response.headers().firstValue("Location").orElseThrow());
        assertFalse(before.equals(http.cookie()));
        HttpResponse<String> missions = http.get("/missions");
        assertEquals(200, missions.statusCode());
        assertTrue(missions.body().contains("id=\"logout\""));
        assertTrue(missions.body().contains("id=\"mission-create\""));
    }

    @Test
    void anAdminCreatesAMissionAndIsSentToItsPage() {
        TestHttp http = admin();
        http.get("/missions");

        HttpResponse<String> created = http.postForm("/missions", "name", "Mission économique Chine",
                "destination", "Beijing, Shanghai");

        assertEquals(303, created.statusCode());
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = http.get(location);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1 dir=\"auto\">Mission économique Chine</h1>"), page.body());
        Mission mission = server.missions().get(location.substring("/missions/".length()));
        assertTrue(page.body().contains("<p class=\"key\" id=\"mission-recipient\">" + mission.recipient().encoded()
                + "</p>"));
        assertTrue(http.get("/missions").body().contains("class=\"mission-link\" href=\"" + location
                + "\"><bdi>Mission économique Chine</bdi></a>"));
    }

    @Test
    void aMissionWithoutNameIsRefusedInTheStaffLanguageAndNothingIsCreated() {
        TestHttp http = admin();
        http.get("/missions");
        http.postForm("/language", "lang", "en", "back", "/missions");
        http.get("/missions");
        int before = server.missions().list().size();

        HttpResponse<String> response = http.postForm("/missions", "name", "   ", "destination", "Nowhere");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<p class=\"error\" role=\"alert\">The field “Name”: must not be empty</p>"),
                response.body());
        assertEquals(before, server.missions().list().size());
    }

    @Test
    void issuingACodeShowsItOnceWithTheAgencyFingerprint() {
        Mission mission = server.missions().create("Visite de recherche", "Taipei");
        TestHttp http = admin();
        http.get("/missions/" + mission.id());

        HttpResponse<String> posted = http.postForm("/missions/" + mission.id() + "/codes", "alias", "Delegate 7");
        HttpResponse<String> response = http.get(posted.headers().firstValue("Location").orElseThrow());

        assertEquals(303, posted.statusCode());
        assertEquals("/missions/" + mission.id(), posted.headers().firstValue("Location").orElseThrow());
        assertFalse(posted.headers().firstValue("Location").orElseThrow().contains("code="));
        assertTrue(response.body().matches("(?s).*<p class=\"code\" id=\"issued-code\">([0-9A-Z]{4}-){6}[0-9A-Z]{4}</p>.*"),
                response.body());
        assertTrue(response.body().contains(server.keys().signing().publicKey().fingerprintGrouped()));
        HttpResponse<String> again = http.get("/missions/" + mission.id());
        assertFalse(again.body().contains("id=\"issued-code\""));
        assertTrue(again.body().contains("<td><bdi>Delegate 7</bdi></td>"));
    }

    @Test
    void rightToLeftNamesAreIsolatedFromTheDatesBesideThem() {
        Mission mission = server.missions().create("بعثة اقتصادية", "الصين");
        TestHttp http = admin();
        http.get("/missions/" + mission.id());

        http.postForm("/missions/" + mission.id() + "/codes", "alias", "מנהל משלחת");
        String page = http.get("/missions/" + mission.id()).body();
        String list = http.get("/missions").body();

        assertTrue(page.contains("<h1 dir=\"auto\">بعثة اقتصادية</h1>"), page);
        assertTrue(page.contains("<td><bdi>מנהל משלחת</bdi></td>"), page);
        assertTrue(list.contains("<bdi>بعثة اقتصادية</bdi></a></td>\n                    <td><bdi>الصين</bdi></td>"), list);
    }

    @Test
    void reloadingTheCodeIssuedPageIssuesNoOtherCode() {
        Mission mission = server.missions().create("Mission de rechargement", "Taipei");
        TestHttp http = admin();
        http.get("/missions/" + mission.id());

        HttpResponse<String> posted = http.postForm("/missions/" + mission.id() + "/codes", "alias", "Delegate 8");
        String location = posted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> shown = http.get(location);
        HttpResponse<String> reloaded = http.get(location);

        assertEquals(303, posted.statusCode());
        assertEquals(1, server.enrolments().codes(mission.id()).size());
        assertTrue(shown.body().contains("id=\"issued-code\""), shown.body());
        assertFalse(reloaded.body().contains("id=\"issued-code\""), reloaded.body());
    }

    @Test
    void anIssuedCodeIsShownOnlyToTheSessionThatIssuedIt() {
        Mission mission = server.missions().create("Mission partagée", "Taipei");
        TestHttp first = admin();
        TestHttp second = admin();
        first.get("/missions/" + mission.id());

        first.postForm("/missions/" + mission.id() + "/codes", "alias", "Delegate 9");
        HttpResponse<String> other = second.get("/missions/" + mission.id());

        assertFalse(other.body().contains("id=\"issued-code\""), other.body());
        assertTrue(first.get("/missions/" + mission.id()).body().contains("id=\"issued-code\""));
    }

    @Test
    void anAnalystCannotCreateAMission() {
        TestHttp http = new TestHttp(server.baseUrl());
        assertEquals(303, http.login("analyst", ANALYST_PASSWORD).statusCode());
        HttpResponse<String> list = http.get("/missions");
        assertFalse(list.body().contains("id=\"mission-create\""));
        int before = server.missions().list().size();

        HttpResponse<String> response = http.postForm("/missions", "name", "Not allowed", "destination", "");

        assertEquals(403, response.statusCode());
        assertEquals(before, server.missions().list().size());
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndChangesNothing() {
        TestHttp http = admin();
        int before = server.missions().list().size();

        HttpResponse<String> response = http.post("/missions", Map.of("name", "Forged", "destination", "x"));

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("class=\"error\" role=\"alert\""));
        assertEquals(before, server.missions().list().size());
    }

    @Test
    void aPostWithAWrongCsrfTokenIsRefused() {
        TestHttp http = admin();
        int before = server.missions().list().size();

        HttpResponse<String> response = http.post("/missions",
                Map.of("csrf", "A".repeat(43), "name", "Forged", "destination", "x"));

        assertEquals(403, response.statusCode());
        assertEquals(before, server.missions().list().size());
    }

    @Test
    void aCrossSiteOriginPostIsRefusedEvenWithTheToken() {
        TestHttp http = admin();
        http.get("/missions");
        int before = server.missions().list().size();

        HttpResponse<String> response = http.post("/missions",
                Map.of("csrf", http.csrf(), "name", "Forged", "destination", "x"), "Origin", "https://evil.example");

        assertEquals(403, response.statusCode());
        assertEquals(before, server.missions().list().size());
    }

    @Test
    void aPostMarkedCrossSiteByTheBrowserIsRefused() {
        TestHttp http = admin();
        http.get("/missions");
        int before = server.missions().list().size();

        HttpResponse<String> response = http.post("/missions",
                Map.of("csrf", http.csrf(), "name", "Forged", "destination", "x"), "Sec-Fetch-Site", "cross-site");

        assertEquals(403, response.statusCode());
        assertEquals(before, server.missions().list().size());
    }

    @Test
    void aSameOriginPostWithTheTokenIsAccepted() {
        TestHttp http = admin();
        http.get("/missions");
        String origin = server.baseUrl();

        HttpResponse<String> response = http.post("/missions",
                Map.of("csrf", http.csrf(), "name", "Same origin", "destination", ""),
                "Origin", origin, "Sec-Fetch-Site", "same-origin");

        assertEquals(303, response.statusCode());
    }

    @Test
    void aFormPostWithANullOriginAsBrowsersSendUnderNoReferrerIsAcceptedWithTheToken() {
        TestHttp http = admin();
        http.get("/missions");

        HttpResponse<String> response = http.post("/missions",
                Map.of("csrf", http.csrf(), "name", "Null origin", "destination", ""),
                "Origin", "null", "Sec-Fetch-Site", "same-origin");

        assertEquals(303, response.statusCode());
    }

    @Test
    void aNullOriginDoesNotExcuseACrossSitePost() {
        TestHttp http = admin();
        http.get("/missions");
        int before = server.missions().list().size();

        HttpResponse<String> response = http.post("/missions",
                Map.of("csrf", http.csrf(), "name", "Forged", "destination", ""),
                "Origin", "null", "Sec-Fetch-Site", "cross-site");

        assertEquals(403, response.statusCode());
        assertEquals(before, server.missions().list().size());
    }

    @Test
    void aNullOriginWithoutSecFetchSiteIsRefused() {
        TestHttp http = admin();
        http.get("/missions");
        int before = server.missions().list().size();

        HttpResponse<String> response = http.post("/missions",
                Map.of("csrf", http.csrf(), "name", "Forged", "destination", ""), "Origin", "null");

        assertEquals(403, response.statusCode());
        assertEquals(before, server.missions().list().size());
    }

    @Test
    void securityHeadersArePresentOnANotFoundPage() {
        TestHttp anonymous = new TestHttp(server.baseUrl());

        HttpResponse<String> response = anonymous.get("/no/such/page");

        assertEquals(404, response.statusCode());
        assertSecurityHeaders(response);
        assertTrue(response.body().contains("role=\"alert\""));
    }

    @Test
    void securityHeadersArePresentOnAnApiError() {
        TestHttp anonymous = new TestHttp(server.baseUrl());

        HttpResponse<String> response = anonymous.get("/api/v1/nothing");

        assertEquals(404, response.statusCode());
        assertSecurityHeaders(response);
        assertEquals("{\"error\":\"not-found\",\"message\":\"there is nothing at GET /api/v1/nothing\"}",
                response.body());
    }

    @Test
    void theLanguageSwitchIsRememberedInTheSession() {
        TestHttp http = admin();
        http.get("/missions");

        HttpResponse<String> switched = http.postForm("/language", "lang", "nl", "back", "/missions");

        assertEquals(303, switched.statusCode());
        assertEquals("/missions", switched.headers().firstValue("Location").orElseThrow());
        assertTrue(http.get("/missions").body().contains("<h1>Missies</h1>"));
        http.postForm("/language", "lang", "fr", "back", "//evil.example/");
        assertTrue(http.get("/missions").body().contains("<html lang=\"fr\">"));
    }

    @Test
    void logoutEndsTheSession() {
        TestHttp http = admin();
        http.get("/missions");

        HttpResponse<String> response = http.postForm("/logout");

        assertEquals(303, response.statusCode());
        assertEquals(303, http.get("/missions").statusCode());
    }

    @Test
    void aScriptInAReportDescriptionIsRenderedEscaped() {
        Mission mission = server.missions().create("Escaping", "");
        TestDevice device = new TestDevice();
        TestHttp api = new TestHttp(server.baseUrl());
        String code = server.enrolments().issueCode(mission.id(), "<b>Traveller</b>");
        assertEquals(200, api.postBytes("/api/v1/enrol/confirm", device.enrolConfirmation(code), "application/json").statusCode());
        String reportId = UUID.randomUUID().toString();
        AgencyKeys keys = server.keys();
        byte[] sealed = device.seal(device.report(reportId, mission.id(), keys.signing().publicKey().keyId(),
                "<script>alert(1)</script>\nline two"), keys.report().recipient());
        assertEquals(200, api.postBytes("/api/v1/reports/" + reportId, sealed, "application/octet-stream").statusCode());
        TestHttp http = admin();

        HttpResponse<String> page = http.get("/missions/" + mission.id() + "/reports/" + reportId);

        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("<script>"));
        assertTrue(page.body().contains("<div class=\"description\" id=\"report-description\" dir=\"auto\">"
                + "&lt;script&gt;alert(1)&lt;/script&gt;\nline two</div>"), page.body());
        assertTrue(page.body().contains("<dd id=\"report-alias\"><bdi>&lt;b&gt;Traveller&lt;/b&gt;</bdi></dd>"));
        HttpResponse<String> missionPage = http.get("/missions/" + mission.id());
        assertTrue(missionPage.body().contains("class=\"report-link\" href=\"/missions/" + mission.id() + "/reports/"
                + reportId + "\""));
    }

    static void assertSecurityHeaders(HttpResponse<?> response) {
        assertEquals("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
                response.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
    }
}
