package be.carnet.server.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.SealedReport;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import be.carnet.protocol.sign.SignedEnvelope;
import be.carnet.server.AgencyServer;
import be.carnet.server.TestDatabase;
import be.carnet.server.TestDevice;
import be.carnet.server.TestHttp;
import be.carnet.server.mission.Mission;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incident fields of protocol issue 4 and the attachments, end to end: a real server on a random port,
 * a device made of protocol classes sending sealed reports over HTTP, and a staff member reading the pages
 * and downloading the files.
 */
class ReportFieldsAndAttachmentsTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    static Path data;
    static AgencyServer server;
    static AgencyKeys keys;
    static Mission mission;
    static Mission otherMission;
    static TestDevice device;
    static TestDevice colleague;
    static byte[] photoBytes;
    static String fullId;
    static String hostileId;
    static String plainId;

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", PASSWORD.toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0, java.time.ZoneId.of("Europe/Brussels"));
        keys = server.keys();
        mission = server.missions().create("Mission Chine", "Shanghai");
        otherMission = server.missions().create("Autre mission", "Lagos");
        device = enrolled(mission, "Delegate <1>");
        colleague = enrolled(mission, "Delegate 2");
        photoBytes = new byte[64 * 1024];
        new Random(4).nextBytes(photoBytes);
        fullId = UUID.randomUUID().toString();
        send(device, fullId, full(""));
        hostileId = UUID.randomUUID().toString();
        send(device, hostileId, new Incident(Category.T06, Severity.S1, Tlp.AMBER, "2026-11-28T08:00+08:00", false,
                "", "", "Fichier reçu", "", false, null, "", "", List.of(new Attachment("<script>.html", "text/html",
                HOSTILE_HTML.getBytes(UTF_8)))));
        plainId = UUID.randomUUID().toString();
        send(device, plainId, new Incident(Category.T12, Severity.S1, Tlp.GREEN, "2026-11-28T09:00+08:00", "",
                "Faux message DHL"));
    }

    private static final String HOSTILE_HTML = "<html><body><script>alert(document.cookie)</script></body></html>";

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static TestDevice enrolled(Mission in, String alias) {
        TestDevice enrolled = new TestDevice();
        server.enrolments().confirm(enrolled.enrolConfirmation(server.enrolments().issueCode(in.id(), alias)));
        return enrolled;
    }

    /** An incident with every field filled in and two attachments. */
    private static Incident full(String amends) {
        return new Incident(Category.T03, Severity.S2, Tlp.AMBER, "2026-11-27T22:15+08:00", true, "Hôtel, Shanghai",
                "Portable de mission", "La valise a été ouverte.", "Appareil éteint\net mis sous enveloppe.", true, 95,
                "messagerie de la mission", amends, List.of(
                        new Attachment("chambre 1204.jpg", "image/jpeg", photoBytes),
                        new Attachment("notes d’été.txt", "text/plain", "Sceau décollé\n".getBytes(UTF_8))));
    }

    private static void send(TestDevice from, String reportId, Incident incident) {
        send(from, mission, reportId, incident);
    }

    private static void send(TestDevice from, Mission to, String reportId, Incident incident) {
        byte[] sealed = from.seal(from.report(reportId, to.id(), keys.signing().publicKey().keyId(), incident),
                keys.report().recipient());
        HttpResponse<byte[]> response = new TestHttp(server.baseUrl()).postBytes("/api/v1/reports/" + reportId, sealed,
                "application/octet-stream");
        assertEquals(200, response.statusCode(), new String(response.body(), UTF_8));
    }

    /** A logged-in analyst reading in English. */
    private static TestHttp staffInEnglish() {
        TestHttp http = new TestHttp(server.baseUrl());
        assertEquals(303, http.login("admin", PASSWORD).statusCode());
        http.get("/missions");
        http.postForm("/language", "lang", "en", "back", "/missions");
        return http;
    }

    private static String reportPath(String reportId) {
        return "/missions/" + mission.id() + "/reports/" + reportId;
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        assertEquals("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
                response.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"));
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
    }

    @Test
    void aReportWithEveryFieldAndTwoAttachmentsIsStoredWithItsFields() {
        String where = "SELECT %s FROM reports WHERE report_id = ?";

        assertEquals(1, TestDatabase.single(data, where.formatted("approximate"), fullId));
        assertEquals("Portable de mission", TestDatabase.text(data, where.formatted("device"), fullId));
        assertEquals("Appareil éteint\net mis sous enveloppe.", TestDatabase.text(data,
                where.formatted("actions_taken"), fullId));
        assertEquals(1, TestDatabase.single(data, where.formatted("ongoing"), fullId));
        assertEquals(95, TestDatabase.single(data, where.formatted("out_of_sight_minutes"), fullId));
        assertEquals("messagerie de la mission", TestDatabase.text(data, where.formatted("accounts"), fullId));
        assertEquals("", TestDatabase.text(data, where.formatted("amends"), fullId));
        assertEquals(null, TestDatabase.text(data, where.formatted("out_of_sight_minutes"), plainId));
        assertEquals(2, TestDatabase.single(data, "SELECT COUNT(*) FROM attachments WHERE report_id = ?", fullId));
        assertEquals("chambre 1204.jpg|image/jpeg|65536|" + Hashes.sha256Hex(photoBytes), TestDatabase.text(data,
                "SELECT name || '|' || media_type || '|' || size || '|' || sha256 FROM attachments "
                        + "WHERE report_id = ? AND position = 1", fullId));
        assertEquals("notes d’été.txt|text/plain|16", TestDatabase.text(data,
                "SELECT name || '|' || media_type || '|' || size FROM attachments WHERE report_id = ? AND position = 2",
                fullId));
    }

    @Test
    void theReportPageShowsEveryNewFieldAndTheAttachments() {
        TestHttp http = staffInEnglish();

        HttpResponse<String> page = http.get(reportPath(fullId));

        assertEquals(200, page.statusCode());
        String html = page.body();
        // Where it happened (the report carries its offset), then the agency's own clock in brackets.
        assertTrue(html.contains("<dd id=\"report-occurred\">27 Nov 2026, 22:15 (UTC+8) "
                + "[27 Nov 2026, 15:15 (Brussels, UTC+1) at the agency] "
                + "<span class=\"tag\" id=\"report-approximate\">approximate</span></dd>"), html);
        assertTrue(html.contains("<p class=\"ongoing\" id=\"report-ongoing-banner\" role=\"status\">"
                + "Still going on: the traveller reported this while it was happening.</p>"), html);
        assertTrue(html.contains("<dd id=\"report-ongoing\"><strong class=\"warn\">yes, still going on when reported"
                + "</strong></dd>"), html);
        assertTrue(html.contains("<dd id=\"report-trip-device\"><bdi>Portable de mission</bdi></dd>"), html);
        assertTrue(html.contains("<dd id=\"report-out-of-sight\">1 h 35 min</dd>"), html);
        assertTrue(html.contains("<dd id=\"report-accounts\"><bdi>messagerie de la mission</bdi></dd>"), html);
        assertTrue(html.contains("<div class=\"description\" id=\"report-actions\" dir=\"auto\">Appareil éteint\n"
                + "et mis sous enveloppe.</div>"), html);
        assertTrue(html.contains("<h2 id=\"attachments-title\">Attachments (2)</h2>"), html);
        assertTrue(html.contains("<p class=\"warning\" id=\"report-attachments-warning\" role=\"note\">These files come "
                + "from the field and may be hostile. Open them at your own risk, on an isolated machine, never on "
                + "this workstation.</p>"), html);
        assertTrue(html.contains("<td class=\"attachment-name\"><bdi>chambre 1204.jpg</bdi></td>"), html);
        assertTrue(html.contains("<td>image/jpeg</td>"), html);
        assertTrue(html.contains("<td class=\"num\">65,536 bytes</td>"), html);
        assertTrue(html.contains("<td class=\"key\">" + Hashes.sha256Hex(photoBytes) + "</td>"), html);
        assertTrue(html.contains("<a class=\"attachment-link\" href=\"" + reportPath(fullId) + "/attachments/1\" "
                + "aria-label=\"Save the file chambre 1204.jpg\">Save the file</a>"), html);
        assertTrue(html.contains("<td class=\"attachment-name\"><bdi>notes d’été.txt</bdi></td>"), html);
        assertTrue(html.contains("href=\"" + reportPath(fullId) + "/attachments/2\""), html);
    }

    @Test
    void aReportWithOnlyTheFirstFieldsSaysWhatWasNotGiven() {
        TestHttp http = staffInEnglish();

        String html = http.get(reportPath(plainId)).body();

        assertTrue(html.contains("<dd id=\"report-occurred\">28 Nov 2026, 09:00 (UTC+8) "
                + "[28 Nov 2026, 02:00 (Brussels, UTC+1) at the agency]</dd>"), html);
        assertTrue(html.contains("<dd id=\"report-ongoing\">no</dd>"), html);
        assertTrue(html.contains("<dd id=\"report-trip-device\"><span class=\"empty\">not given</span></dd>"), html);
        assertFalse(html.contains("report-out-of-sight"), html);
        assertFalse(html.contains("report-ongoing-banner"), html);
        assertFalse(html.contains("report-amends"), html);
        assertTrue(html.contains("<p class=\"empty\" id=\"report-attachments-none\">No file attached.</p>"), html);
    }

    @Test
    void aReportSignedBeforeTheNewFieldsIsStoredWithTheDefaults() {
        String reportId = UUID.randomUUID().toString();
        JsonObject incident = new JsonObject();
        incident.addProperty("category", "T03");
        incident.addProperty("severity", "S2");
        incident.addProperty("tlp", "AMBER");
        incident.addProperty("occurredAt", "2026-11-27T22:15+08:00");
        incident.addProperty("place", "Hôtel");
        incident.addProperty("description", "Écrit avant les nouveaux champs");
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "carnet.report/1");
        payload.addProperty("reportId", reportId);
        payload.addProperty("missionId", mission.id());
        payload.addProperty("deviceKeyId", device.keyId());
        payload.addProperty("agencyKeyId", keys.signing().publicKey().keyId());
        payload.addProperty("sequence", 1);
        payload.addProperty("previousHash", "0".repeat(64));
        payload.addProperty("createdAt", "2026-11-28T10:00:00Z");
        payload.add("incident", incident);
        byte[] sealed = SealedReport.seal(SignedEnvelope.sign(payload, device.signing), keys.report().recipient());

        HttpResponse<byte[]> response = new TestHttp(server.baseUrl()).postBytes("/api/v1/reports/" + reportId, sealed,
                "application/octet-stream");

        assertEquals(200, response.statusCode(), new String(response.body(), UTF_8));
        assertEquals("0|0|||||", TestDatabase.text(data, "SELECT approximate || '|' || ongoing || '|' || device "
                + "|| '|' || actions_taken || '|' || accounts || '|' || amends || '|' || "
                + "COALESCE(out_of_sight_minutes, '') FROM reports WHERE report_id = ?", reportId));
        String html = staffInEnglish().get(reportPath(reportId)).body();
        assertTrue(html.contains("<dd id=\"report-trip-device\"><span class=\"empty\">not given</span></dd>"), html);
        assertTrue(html.contains("<p class=\"empty\" id=\"report-attachments-none\">No file attached.</p>"), html);
    }

    @Test
    void theDownloadReturnsTheExactBytesAsAFileToSave() {
        TestHttp http = staffInEnglish();
        long auditBefore = TestDatabase.count(data, "audit");

        HttpResponse<byte[]> response = http.getBytes(reportPath(fullId) + "/attachments/1");

        assertEquals(200, response.statusCode());
        assertArrayEquals(photoBytes, response.body());
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("attachment; filename=\"chambre_1204.jpg\"; filename*=UTF-8''chambre%201204.jpg",
                response.headers().firstValue("Content-Disposition").orElse(null));
        assertSecurityHeaders(response);
        assertEquals(auditBefore + 1, TestDatabase.count(data, "audit"));
        assertEquals("admin report.attachment.download report " + fullId + ", mission " + mission.id()
                + ", attachment 1", TestDatabase.text(data,
                "SELECT actor || ' ' || action || ' ' || detail FROM audit ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void aNonAsciiNameIsPercentEncodedInUtf8() {
        TestHttp http = staffInEnglish();

        HttpResponse<byte[]> response = http.getBytes(reportPath(fullId) + "/attachments/2");

        assertEquals(200, response.statusCode());
        assertEquals("Sceau décollé\n", new String(response.body(), UTF_8));
        assertEquals("attachment; filename=\"notes_d__t_.txt\"; filename*=UTF-8''notes%20d%E2%80%99%C3%A9t%C3%A9.txt",
                response.headers().firstValue("Content-Disposition").orElse(null));
    }

    @Test
    void anHtmlAttachmentIsServedAsAnOctetStreamToSaveAndItsNameIsEscapedOnThePage() {
        TestHttp http = staffInEnglish();

        HttpResponse<String> page = http.get(reportPath(hostileId));
        HttpResponse<byte[]> download = http.getBytes(reportPath(hostileId) + "/attachments/1");

        assertTrue(page.body().contains("<td class=\"attachment-name\"><bdi>&lt;script&gt;.html</bdi></td>"), page.body());
        assertTrue(page.body().contains("<td>text/html</td>"), page.body());
        assertTrue(page.body().contains("aria-label=\"Save the file &lt;script>.html\""), page.body());
        assertFalse(page.body().contains("<script"), page.body());
        assertEquals(200, download.statusCode());
        assertEquals(HOSTILE_HTML, new String(download.body(), UTF_8));
        assertEquals("application/octet-stream", download.headers().firstValue("Content-Type").orElse(null));
        assertEquals("attachment; filename=\"script_.html\"; filename*=UTF-8''%3Cscript%3E.html",
                download.headers().firstValue("Content-Disposition").orElse(null));
        assertSecurityHeaders(download);
    }

    @Test
    void anAddendumAndTheReportItAmendsLinkToEachOther() {
        String originalId = UUID.randomUUID().toString();
        send(device, originalId, new Incident(Category.T04, Severity.S1, Tlp.AMBER, "2026-11-27T10:00+08:00", "",
                "Faux courriel"));
        String addendumId = UUID.randomUUID().toString();
        send(device, addendumId, new Incident(Category.T04, Severity.S2, Tlp.AMBER, "2026-11-27T10:00+08:00", false,
                "", "", "Le lien a été ouvert.", "", false, null, "", originalId, List.of()));
        long addendumPosition = TestDatabase.single(data, "SELECT log_position FROM reports WHERE report_id = ?",
                addendumId);
        long originalPosition = TestDatabase.single(data, "SELECT log_position FROM reports WHERE report_id = ?",
                originalId);
        TestHttp http = staffInEnglish();

        String addendum = http.get(reportPath(addendumId)).body();
        String original = http.get(reportPath(originalId)).body();
        String list = http.get("/missions/" + mission.id()).body();

        assertTrue(addendum.contains("Addendum: this report corrects <a href=\"" + reportPath(originalId) + "\">report "
                + originalPosition + " · Suspicious message · Delegate &lt;1&gt;</a>"), addendum);
        assertFalse(addendum.contains("sent by another device"), addendum);
        assertTrue(original.contains("<p>Corrected by these addenda:</p>"), original);
        assertTrue(original.contains("<li><a href=\"" + reportPath(addendumId) + "\">report " + addendumPosition
                + " · Suspicious message · Delegate &lt;1&gt;</a>"), original);
        assertTrue(list.contains("<td>Suspicious message <span class=\"tag addendum\">addendum</span></td>"), list);
    }

    @Test
    void anAddendumFromAnotherDeviceIsMarked() {
        String originalId = UUID.randomUUID().toString();
        send(device, originalId, new Incident(Category.T09, Severity.S1, Tlp.AMBER, "", "", "Questions"));
        String addendumId = UUID.randomUUID().toString();
        send(colleague, addendumId, new Incident(Category.T09, Severity.S1, Tlp.AMBER, "", false, "", "", "Suite", "",
                false, null, "", originalId, List.of()));
        TestHttp http = staffInEnglish();

        String addendum = http.get(reportPath(addendumId)).body();
        String original = http.get(reportPath(originalId)).body();

        assertTrue(addendum.contains("<span class=\"warn\">sent by another device</span>"), addendum);
        assertTrue(original.contains("<span class=\"warn\">sent by another device</span>"), original);
    }

    @Test
    void anAddendumToAReportNotReceivedNamesItWithoutALink() {
        String missingId = UUID.randomUUID().toString();
        String addendumId = UUID.randomUUID().toString();
        send(device, addendumId, new Incident(Category.T09, Severity.S1, Tlp.AMBER, "", false, "", "", "Suite", "",
                false, null, "", missingId, List.of()));
        TestHttp http = staffInEnglish();

        String addendum = http.get(reportPath(addendumId)).body();

        assertTrue(addendum.contains("Addendum: this report corrects <span class=\"key\">" + missingId
                + "</span> (not received in this mission)"), addendum);
        assertFalse(addendum.contains("href=\"" + reportPath(missingId) + "\""), addendum);
    }

    @Test
    void anAddendumNeverLinksToAReportOfAnotherMission() {
        TestDevice elsewhere = enrolled(otherMission, "Other traveller");
        String foreignId = UUID.randomUUID().toString();
        send(elsewhere, otherMission, foreignId, new Incident(Category.T09, Severity.S1, Tlp.RED, "", "", "Secret"));
        String addendumId = UUID.randomUUID().toString();
        send(device, addendumId, new Incident(Category.T09, Severity.S1, Tlp.AMBER, "", false, "", "", "Suite", "",
                false, null, "", foreignId, List.of()));
        TestHttp http = staffInEnglish();

        String addendum = http.get(reportPath(addendumId)).body();
        String foreign = http.get("/missions/" + otherMission.id() + "/reports/" + foreignId).body();

        assertTrue(addendum.contains("Addendum: this report corrects <span class=\"key\">" + foreignId
                + "</span> (not received in this mission)"), addendum);
        assertFalse(addendum.contains("Other traveller"), addendum);
        assertFalse(foreign.contains("report-addenda"), foreign);
    }

    @Test
    void theMissionListShowsTheAttachmentCount() {
        TestHttp http = staffInEnglish();

        String list = http.get("/missions/" + mission.id()).body();

        assertTrue(list.contains("<th scope=\"col\">Files</th>"), list);
        assertTrue(list.matches("(?s).*<td class=\"num\">2</td>\\s*<td><a class=\"report-link\" href=\""
                + reportPath(fullId) + "\".*"), list);
        assertTrue(list.matches("(?s).*<td class=\"num\">0</td>\\s*<td><a class=\"report-link\" href=\""
                + reportPath(plainId) + "\".*"), list);
    }

    @Test
    void aDownloadWithoutASessionIsRefusedAndSendsNothing() {
        TestHttp anonymous = new TestHttp(server.baseUrl());
        long auditBefore = TestDatabase.count(data, "audit");

        HttpResponse<byte[]> response = anonymous.getBytes(reportPath(fullId) + "/attachments/1");

        assertEquals(303, response.statusCode());
        assertEquals("/login", response.headers().firstValue("Location").orElseThrow());
        assertEquals("Redirected", new String(response.body(), UTF_8));
        assertEquals(auditBefore, TestDatabase.count(data, "audit"));
    }

    static Stream<Arguments> missingAttachments() {
        return Stream.of(
                Arguments.of("a position past the last", "/missions/%s/reports/%s/attachments/3"),
                Arguments.of("position zero", "/missions/%s/reports/%s/attachments/0"),
                Arguments.of("a negative position", "/missions/%s/reports/%s/attachments/-1"),
                Arguments.of("a position past the most allowed", "/missions/%s/reports/%s/attachments/6"),
                Arguments.of("a huge position", "/missions/%s/reports/%s/attachments/99999999999999999999"),
                Arguments.of("a name instead of a position", "/missions/%s/reports/%s/attachments/chambre%%201204.jpg"),
                Arguments.of("a leading zero", "/missions/%s/reports/%s/attachments/01"),
                Arguments.of("a report without attachments", "/missions/%s/reports/PLAIN/attachments/1"),
                Arguments.of("an unknown report", "/missions/%s/reports/" + UUID.randomUUID() + "/attachments/1"),
                Arguments.of("the report under another mission", "/missions/OTHER/reports/%2$s/attachments/1"),
                Arguments.of("an unknown mission", "/missions/no-such-mission/reports/%2$s/attachments/1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingAttachments")
    void aMissingAttachmentIsNotFound(String name, String pathPattern) {
        TestHttp http = staffInEnglish();
        String path = pathPattern.replace("OTHER", otherMission.id()).replace("PLAIN", plainId)
                .formatted(mission.id(), fullId);
        long auditBefore = TestDatabase.count(data, "audit");

        HttpResponse<String> response = http.get(path);

        assertEquals(404, response.statusCode(), path);
        assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse(null));
        assertFalse(response.headers().firstValue("Content-Disposition").isPresent());
        assertSecurityHeaders(response);
        assertEquals(auditBefore, TestDatabase.count(data, "audit"));
    }
}
