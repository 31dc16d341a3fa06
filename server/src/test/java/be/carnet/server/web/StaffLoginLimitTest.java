package be.carnet.server.web;

import be.carnet.server.WebServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.i18n.Messages;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.MutableClock;
import be.carnet.server.TestHttp;
import be.carnet.server.bundle.BundleService;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.intake.IntakeService;
import be.carnet.server.mission.MissionService;
import be.carnet.server.report.ReportQueries;
import be.carnet.server.staff.PasswordHasher;
import be.carnet.server.staff.Role;
import be.carnet.server.staff.SessionStore;
import be.carnet.server.staff.StaffController;
import be.carnet.server.staff.StaffService;
import be.carnet.server.storage.Database;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed staff logins count per client address; over the limit the password is not even checked. */
class StaffLoginLimitTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path data;
    Database database;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    Javalin app;
    String baseUrl;

    @BeforeEach
    void start() {
        database = Database.open(data);
        serve(ClientAddress.peerOnly());
    }

    /** (Re)starts the web layer with {@code clientAddress}'s trusted proxies. */
    private void serve(ClientAddress clientAddress) {
        if (app != null) {
            app.stop();
        }
        AgencyKeys keys = AgencyKeys.generate();
        MissionService missions = new MissionService(database, clock);
        EnrolmentService enrolments = new EnrolmentService(database, missions, keys, clock);
        StaffService staff = new StaffService(database, new PasswordHasher(1024, 1, 1), clock);
        if (app == null) {
            staff.create("test", "admin", PASSWORD.toCharArray(), Role.ADMIN);
        }
        app = WebServer.create(new WebServer.Deps(Messages.load(), new SessionStore(clock), staff, missions,
                enrolments, new BundleService(database, missions, keys, clock),
                new IntakeService(database, enrolments, keys, clock, 1), new ReportQueries(database),
                keys, clock, ZoneOffset.UTC, clientAddress)).start("127.0.0.1", 0);
        baseUrl = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.stop();
        database.close();
    }

    @Test
    void afterTooManyFailuresEvenTheRightPasswordIsRefusedUntilTheWindowPasses() {
        TestHttp http = new TestHttp(baseUrl);
        for (int i = 0; i < StaffController.MAX_FAILED_LOGINS; i++) {
            assertEquals(401, http.login("admin", "wrong password " + i).statusCode());
        }
        int checked = loginAuditRows();

        HttpResponse<String> wrong = http.login("admin", "yet another wrong one");
        HttpResponse<String> right = http.login("admin", PASSWORD);

        assertEquals(429, wrong.statusCode());
        assertEquals(429, right.statusCode());
        assertEquals("900", right.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(checked, loginAuditRows(), "no password was checked over the limit");
        assertEquals(303, http.get("/missions").statusCode());

        clock.advance(StaffController.LOGIN_WINDOW);

        assertEquals(303, http.login("admin", PASSWORD).statusCode());
        assertEquals(checked + 1, loginAuditRows());
        assertEquals(200, http.get("/missions").statusCode());
    }

    @Test
    void theRefusalIsLocalized() {
        TestHttp http = new TestHttp(baseUrl);
        for (int i = 0; i < StaffController.MAX_FAILED_LOGINS; i++) {
            http.login("admin", "wrong password " + i);
        }
        TestHttp sameAddress = new TestHttp(baseUrl);
        sameAddress.get("/login", "Accept-Language", "nl-BE,nl;q=0.9");

        HttpResponse<String> response = sameAddress.postForm("/login", "username", "admin", "password", PASSWORD);

        assertEquals(429, response.statusCode());
        assertTrue(response.body().contains("id=\"login-error\">Te veel mislukte aanmeldpogingen vanaf dit adres. "
                + "Wacht enkele minuten en probeer het later opnieuw.</p>"), response.body());
    }

    @Test
    void aForwardedForHeaderFromAPeerThatIsNotATrustedProxyIsIgnored() {
        TestHttp http = new TestHttp(baseUrl);
        http.get("/login");
        for (int i = 0; i < StaffController.MAX_FAILED_LOGINS; i++) {
            http.post("/login", java.util.Map.of("csrf", http.csrf(), "username", "admin", "password", "wrong " + i),
                    "X-Forwarded-For", "203.0.113." + i);
        }

        HttpResponse<String> spoofed = http.post("/login", java.util.Map.of("csrf", http.csrf(), "username", "admin",
                "password", PASSWORD), "X-Forwarded-For", "198.51.100.4");

        assertEquals(429, spoofed.statusCode(), "the loopback peer is not a configured proxy: its header counts for nothing");
    }

    @Test
    void behindATrustedProxyEachForwardedClientIsCountedOnItsOwn() {
        serve(ClientAddress.parse("127.0.0.1, ::1"));
        TestHttp http = new TestHttp(baseUrl);
        http.get("/login");
        for (int i = 0; i < StaffController.MAX_FAILED_LOGINS; i++) {
            http.post("/login", java.util.Map.of("csrf", http.csrf(), "username", "admin", "password", "wrong " + i),
                    "X-Forwarded-For", "203.0.113.7");
        }

        HttpResponse<String> blocked = http.post("/login", java.util.Map.of("csrf", http.csrf(), "username", "admin", "password", PASSWORD),
                "X-Forwarded-For", "203.0.113.7");
        HttpResponse<String> prepended = http.post("/login", java.util.Map.of("csrf", http.csrf(), "username", "admin",
                "password", PASSWORD), "X-Forwarded-For", "198.51.100.9, 203.0.113.7");
        HttpResponse<String> other = http.post("/login", java.util.Map.of("csrf", http.csrf(), "username", "admin", "password", PASSWORD),
                "X-Forwarded-For", "198.51.100.4");

        assertEquals(429, blocked.statusCode());
        assertEquals(303, other.statusCode());
        assertEquals(429, prepended.statusCode(), "what the client wrote left of the proxy's entry is not used");
    }

    private int loginAuditRows() {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT count(*) FROM audit WHERE action IN ('login', 'login.failed')");
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
