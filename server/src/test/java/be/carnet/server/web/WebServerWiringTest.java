package be.carnet.server.web;

import be.carnet.server.WebServer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.i18n.Messages;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.TestDevice;
import be.carnet.server.TestHttp;
import be.carnet.server.bundle.BundleService;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.intake.IntakeService;
import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.report.ReportQueries;
import be.carnet.server.staff.PasswordHasher;
import be.carnet.server.staff.SessionStore;
import be.carnet.server.staff.StaffService;
import be.carnet.server.storage.Database;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web layer built from its own parts, as {@code WebServer.create} allows, to reach states a full server rarely shows. */
class WebServerWiringTest {

    @TempDir
    Path data;
    Database database;
    AgencyKeys keys = AgencyKeys.generate();
    MissionService missions;
    EnrolmentService enrolments;
    Javalin app;
    String baseUrl;

    @BeforeEach
    void start() {
        database = Database.open(data);
        Clock clock = Clock.systemUTC();
        missions = new MissionService(database, clock);
        enrolments = new EnrolmentService(database, missions, keys, clock);
        IntakeService saturatedIntake = new IntakeService(database, enrolments, keys, clock, 0);
        app = WebServer.create(new WebServer.Deps(Messages.load(), new SessionStore(clock),
                new StaffService(database, new PasswordHasher(1024, 1, 1), clock), missions, enrolments,
                new BundleService(database, missions, keys, clock), saturatedIntake, new ReportQueries(database),
                keys, clock, ZoneOffset.UTC, ClientAddress.parse("127.0.0.1"))).start("127.0.0.1", 0);
        baseUrl = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.stop();
        database.close();
    }

    @Test
    void aBusyIntakeAsksTheDeviceToRetryLater() {
        Mission mission = missions.create("Mission", "");
        TestDevice device = new TestDevice();
        enrolments.confirm(device.enrolConfirmation(enrolments.issueCode(mission.id(), "Delegate")));
        String reportId = UUID.randomUUID().toString();
        byte[] sealed = device.seal(device.report(reportId, mission.id(), keys.signing().publicKey().keyId(), "x"),
                keys.report().recipient());

        HttpResponse<byte[]> response = new TestHttp(baseUrl).postBytes("/api/v1/reports/" + reportId, sealed,
                "application/octet-stream");

        assertEquals(503, response.statusCode());
        assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"error\":\"busy\",\"message\":\"the server is opening too many reports at once; retry later\"}",
                new String(response.body(), UTF_8));
    }

    @Test
    void aClientWithTooManyRefusedEnrolmentsIsToldToWait() {
        TestHttp http = new TestHttp(baseUrl);
        for (int i = 0; i < 20; i++) {
            assertEquals(400, http.postBytes("/api/v1/enrol", "{}".getBytes(UTF_8), "application/json").statusCode());
        }

        HttpResponse<byte[]> response = http.postBytes("/api/v1/enrol", "{}".getBytes(UTF_8), "application/json");

        assertEquals(429, response.statusCode());
        assertEquals("600", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"error\":\"busy\",\"message\":\"too many refused enrolment attempts from this address; "
                + "wait before trying again\"}", new String(response.body(), UTF_8));
    }

    @Test
    void behindATrustedProxyEachForwardedClientIsCountedOnItsOwn() {
        TestHttp http = new TestHttp(baseUrl);
        for (int i = 0; i < 20; i++) {
            http.postBytesWithHeader("/api/v1/enrol", "{}".getBytes(UTF_8), "X-Forwarded-For", "203.0.113.7");
        }

        HttpResponse<byte[]> blocked = http.postBytesWithHeader("/api/v1/enrol", "{}".getBytes(UTF_8),
                "X-Forwarded-For", "203.0.113.7");
        HttpResponse<byte[]> other = http.postBytesWithHeader("/api/v1/enrol", "{}".getBytes(UTF_8),
                "X-Forwarded-For", "198.51.100.4");

        assertEquals(429, blocked.statusCode());
        assertEquals(400, other.statusCode());
    }

    @Test
    void anOversizedStaffFormIsRefusedBeforeItIsParsed() {
        TestHttp http = new TestHttp(baseUrl);
        http.get("/login");

        TestHttp.RawResponse response = http.postDeclaringLength("/login", "application/x-www-form-urlencoded",
                70_000);

        assertEquals(413, response.status());
        assertEquals("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
                response.headers().get("content-security-policy"));
        assertEquals(true, response.body().contains("role=\"alert\""));
    }
}
