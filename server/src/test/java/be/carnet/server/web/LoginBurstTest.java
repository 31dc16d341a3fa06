package be.carnet.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.i18n.Messages;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.MutableClock;
import be.carnet.server.TestHttp;
import be.carnet.server.WebServer;
import be.carnet.server.bundle.BundleService;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.intake.IntakeService;
import be.carnet.server.mission.MissionService;
import be.carnet.server.report.ReportQueries;
import be.carnet.server.staff.LoginGate;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel logins: each is counted before its password is checked, and a burst from one address waits
 * in its own line. The test holds the {@link LoginGate}'s running places itself, so every request of a
 * burst is in flight at once, whatever the machine's speed.
 */
class LoginBurstTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String A = "203.0.113.7";
    private static final String B = "198.51.100.4";
    private static final int BURST = 40;

    @TempDir
    Path data;
    Database database;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    LoginGate gate = new LoginGate(2, 32);
    Javalin app;
    String baseUrl;
    ExecutorService pool = Executors.newFixedThreadPool(BURST + 1);

    @BeforeEach
    void start() {
        database = Database.open(data);
        AgencyKeys keys = AgencyKeys.generate();
        MissionService missions = new MissionService(database, clock);
        EnrolmentService enrolments = new EnrolmentService(database, missions, keys, clock);
        StaffService staff = new StaffService(database, new PasswordHasher(1024, 1, 1), clock, gate);
        staff.create("test", "admin", PASSWORD.toCharArray(), Role.ADMIN);
        app = WebServer.create(new WebServer.Deps(Messages.load(), new SessionStore(clock), staff, missions,
                enrolments, new BundleService(database, missions, keys, clock),
                new IntakeService(database, enrolments, keys, clock, 1), new ReportQueries(database),
                keys, clock, ZoneOffset.UTC, ClientAddress.parse("127.0.0.1"))).start("127.0.0.1", 0);
        baseUrl = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        app.stop();
        database.close();
    }

    @Test
    void ofFortyParallelWrongLoginsFromOneAddressOnlyTheLimitIsChecked() throws Exception {
        LoginGate.Pass heldX = gate.enter("192.0.2.1").orElseThrow();
        LoginGate.Pass heldY = gate.enter("192.0.2.2").orElseThrow();
        List<CompletableFuture<HttpResponse<String>>> burst = burst(A);

        waitUntil(() -> done(burst) + gate.inside() - 2 == BURST, "every login answered or waiting for its check");
        heldX.close();
        heldY.close();

        assertEquals(Map.of(401, StaffController.MAX_FAILED_LOGINS, 429, BURST - StaffController.MAX_FAILED_LOGINS),
                statuses(burst));
        assertEquals(StaffController.MAX_FAILED_LOGINS, auditRows("login.failed"));
    }

    @Test
    void theAdministratorsLoginFromAnotherAddressDoesNotWaitBehindABurst() throws Exception {
        LoginGate.Pass heldX = gate.enter("192.0.2.1").orElseThrow();
        LoginGate.Pass heldY = gate.enter("192.0.2.2").orElseThrow();
        List<CompletableFuture<HttpResponse<String>>> burst = burst(A);
        waitUntil(() -> done(burst) + gate.inside() - 2 == BURST, "the burst answered or waiting");
        waitUntil(() -> gate.waitingForPlace() >= 1, "the burst's first login waiting for a place");

        TestHttp admin = new TestHttp(baseUrl);
        admin.get("/login");
        CompletableFuture<HttpResponse<String>> adminLogin = CompletableFuture.supplyAsync(() -> admin.post("/login",
                Map.of("csrf", admin.csrf(), "username", "admin", "password", PASSWORD), "X-Forwarded-For", B), pool);
        waitUntil(() -> gate.waiting() == StaffController.MAX_FAILED_LOGINS + 1, "the administrator's login waiting");

        assertEquals(2, gate.waitingForPlace(), "only the head of the burst's line waits for a place before the "
                + "administrator; the rest of the burst waits behind it in its own line");
        heldX.close();
        HttpResponse<String> answer = adminLogin.get(2, TimeUnit.MINUTES);
        heldY.close();
        assertEquals(303, answer.statusCode());
        assertEquals(Map.of(401, StaffController.MAX_FAILED_LOGINS, 429, BURST - StaffController.MAX_FAILED_LOGINS),
                statuses(burst));
    }

    @Test
    void aFullGateRefusesAtOnceWithoutCountingTheAttempt() throws Exception {
        List<LoginGate.Pass> held = new ArrayList<>();
        held.add(gate.enter("192.0.2.1").orElseThrow());
        held.add(gate.enter("192.0.2.2").orElseThrow());
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String client = "192.0.2." + (10 + i);
            waiting.add(CompletableFuture.supplyAsync(() -> login(client, "wrong password"), pool));
        }
        waitUntil(() -> gate.inside() == 32, "the gate full");

        TestHttp late = new TestHttp(baseUrl);
        late.get("/login", "Accept-Language", "fr-BE,fr;q=0.9");
        HttpResponse<String> refused = late.post("/login",
                Map.of("csrf", late.csrf(), "username", "admin", "password", PASSWORD), "X-Forwarded-For", B);
        held.forEach(LoginGate.Pass::close);

        assertEquals(503, refused.statusCode());
        assertEquals("5", refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(refused.body().contains("Le serveur vérifie trop de connexions en même temps."), refused.body());
        for (CompletableFuture<HttpResponse<String>> w : waiting) {
            assertEquals(401, w.get(2, TimeUnit.MINUTES).statusCode());
        }
        for (int i = 0; i < StaffController.MAX_FAILED_LOGINS - 1; i++) {
            assertEquals(401, login(B, "wrong " + i).statusCode());
        }
        assertEquals(303, login(B, PASSWORD).statusCode(), "the refused login was not counted against B");
    }

    private List<CompletableFuture<HttpResponse<String>>> burst(String client) {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String guess = "wrong password " + i;
            burst.add(CompletableFuture.supplyAsync(() -> login(client, guess), pool));
        }
        return burst;
    }

    private HttpResponse<String> login(String client, String password) {
        TestHttp http = new TestHttp(baseUrl);
        http.get("/login");
        return http.post("/login", Map.of("csrf", http.csrf(), "username", "admin", "password", password),
                "X-Forwarded-For", client);
    }

    private static long done(List<CompletableFuture<HttpResponse<String>>> futures) {
        return futures.stream().filter(CompletableFuture::isDone).count();
    }

    private static Map<Integer, Integer> statuses(List<CompletableFuture<HttpResponse<String>>> futures)
            throws Exception {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> f : futures) {
            counts.merge(f.get(2, TimeUnit.MINUTES).statusCode(), 1, Integer::sum);
        }
        return counts;
    }

    /** Waits for a state the server reaches on its own; the limit is a safety net, not a measure. */
    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never reached: " + what);
            }
            Thread.sleep(5);
        }
    }

    private int auditRows(String action) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT count(*) FROM audit WHERE action = ?")) {
                query.setString(1, action);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }
}
