package be.carnet.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.i18n.Language;
import be.carnet.i18n.Messages;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import be.carnet.server.AgencyServer;
import be.carnet.server.TestDevice;
import be.carnet.server.TestBundles;
import be.carnet.server.TestHttp;
import be.carnet.server.mission.Mission;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every page, with every part filled in, renders in each language: a missing message would fail here. */
class PagesInEveryLanguageTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    static Path data;
    static AgencyServer server;
    static Mission mission;
    static String reportId;
    static String addendumId;
    static String orphanId;

    @BeforeAll
    static void start() throws IOException {
        AgencyServer.init(data, "admin", PASSWORD.toCharArray());
        server = AgencyServer.start(data, "127.0.0.1", 0);
        mission = server.missions().create("Mission complète", "Lagos");
        AgencyKeys keys = server.keys();
        server.bundles().publish(mission.id(), TestBundles.bundle(mission, 1, keys.signing()), "admin");
        server.enrolments().issueCode(mission.id(), "Unused");
        TestDevice device = new TestDevice();
        server.enrolments().confirm(device.enrolConfirmation(server.enrolments().issueCode(mission.id(), "Used")));
        TestDevice colleague = new TestDevice();
        server.enrolments().confirm(colleague.enrolConfirmation(server.enrolments().issueCode(mission.id(), "Colleague")));
        reportId = UUID.randomUUID().toString();
        send(device, reportId, new Incident(Category.T02, Severity.S3, Tlp.AMBER, "2026-11-27T22:15+08:00", true,
                "Aéroport", "Téléphone", "texte", "rien", true, 61, "courriel", "", List.of(
                        new Attachment("photo.jpg", "image/jpeg", new byte[] {1, 2, 3}))));
        addendumId = UUID.randomUUID().toString();
        send(colleague, addendumId, new Incident(Category.T02, Severity.S3, Tlp.AMBER, "", false, "", "", "suite", "",
                false, null, "", reportId, List.of()));
        orphanId = UUID.randomUUID().toString();
        send(device, orphanId, new Incident(Category.T99, Severity.S0, Tlp.CLEAR, "", false, "", "", "suite", "",
                false, null, "", UUID.randomUUID().toString(), List.of()));
    }

    private static void send(TestDevice from, String id, Incident incident) {
        AgencyKeys keys = server.keys();
        byte[] sealed = from.seal(from.report(id, mission.id(), keys.signing().publicKey().keyId(), incident),
                keys.report().recipient());
        assertEquals(200, new TestHttp(server.baseUrl()).postBytes("/api/v1/reports/" + id, sealed,
                "application/octet-stream").statusCode());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyPageRendersInTheChosenLanguage(Language language) {
        TestHttp http = new TestHttp(server.baseUrl());
        http.login("admin", PASSWORD);
        http.get("/missions");
        http.postForm("/language", "lang", language.code(), "back", "/missions");
        String heading = Messages.load().in(language).t("mission.reports.title");

        HttpResponse<String> list = http.get("/missions");
        HttpResponse<String> page = http.get("/missions/" + mission.id());
        HttpResponse<String> issued = http.postForm("/missions/" + mission.id() + "/codes", "alias", "Nouveau");
        HttpResponse<String> issuedPage = http.get(issued.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> report = http.get("/missions/" + mission.id() + "/reports/" + reportId);
        HttpResponse<String> addendum = http.get("/missions/" + mission.id() + "/reports/" + addendumId);
        HttpResponse<String> orphan = http.get("/missions/" + mission.id() + "/reports/" + orphanId);
        HttpResponse<String> missing = http.get("/missions/" + mission.id() + "/reports/" + UUID.randomUUID());

        assertEquals(200, list.statusCode());
        assertEquals(200, page.statusCode());
        assertEquals(303, issued.statusCode());
        assertTrue(issuedPage.body().contains("id=\"issued-code\""), issuedPage.body());
        assertEquals(200, report.statusCode());
        assertEquals(200, addendum.statusCode());
        assertEquals(200, orphan.statusCode());
        assertTrue(report.body().contains("id=\"report-addenda\""));
        assertTrue(report.body().contains("id=\"report-attachments\""));
        assertTrue(report.body().contains("<dd id=\"report-place\"><bdi>"), report.body());
        assertTrue(report.body().contains("<div class=\"description\" id=\"report-description\" dir=\"auto\">"));
        assertTrue(report.body().contains("<td class=\"attachment-name\"><bdi>"), report.body());
        assertTrue(addendum.body().contains("id=\"report-amends\""));
        assertEquals(404, missing.statusCode());
        assertTrue(page.body().contains("<h2 id=\"reports-title\">" + heading + "</h2>"), page.body());
        for (HttpResponse<String> response : java.util.List.of(list, page, issuedPage, report, addendum, orphan, missing)) {
            assertTrue(response.body().contains("<html lang=\"" + language.code() + "\">"));
            assertFalse(response.body().contains("null"), response.body());
        }
    }
}
