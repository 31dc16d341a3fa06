package be.carnet.server.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.i18n.Messages;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.TestDevice;
import be.carnet.server.TestHttp;
import be.carnet.server.WebServer;
import be.carnet.server.bundle.BundleService;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel enrolment attempts with wrong codes: each is counted before its code is looked up. The test
 * holds the database lock while the requests arrive, so all of them are in flight at once.
 */
class EnrolmentAttemptRaceTest {

    private static final int PARALLEL = 40;

    @TempDir
    Path data;
    Database database;
    Javalin app;
    String baseUrl;
    String validCode;
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL + 1);

    @BeforeEach
    void start() {
        database = Database.open(data);
        Clock clock = Clock.systemUTC();
        AgencyKeys keys = AgencyKeys.generate();
        MissionService missions = new MissionService(database, clock);
        EnrolmentService enrolments = new EnrolmentService(database, missions, keys, clock);
        Mission mission = missions.create("Mission", "");
        validCode = enrolments.issueCode(mission.id(), "Delegate");
        app = WebServer.create(new WebServer.Deps(Messages.load(), new SessionStore(clock),
                new StaffService(database, new PasswordHasher(1024, 1, 1), clock), missions, enrolments,
                new BundleService(database, missions, keys, clock), new IntakeService(database, enrolments, keys, clock, 1),
                new ReportQueries(database), keys, clock, ZoneOffset.UTC)).start("127.0.0.1", 0);
        baseUrl = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        app.stop();
        database.close();
    }

    @Test
    void ofFortyParallelWrongCodesFromOneAddressOnlyTheLimitIsLookedUp() throws Exception {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            String unknown = String.format("%04d-0000-0000-0000", i) + validCode.substring(19);
            requests.add(new TestDevice().enrolRequest(unknown));
        }
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> database.read(c -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), pool);
        held.await();

        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        int overLimit = PARALLEL - EnrolmentController.MAX_FAILURES;
        try {
            for (byte[] request : requests) {
                answers.add(CompletableFuture.supplyAsync(() ->
                        new TestHttp(baseUrl).postBytes("/api/v1/enrol", request, "application/json"), pool));
            }
            // A safety net, not a measure: the refusals come without any database work, so they come at all.
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (answers.stream().filter(CompletableFuture::isDone).count() < overLimit) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the attempts over the limit were not refused while the others waited for "
                            + "the database: " + answers.stream().filter(CompletableFuture::isDone).count() + " answers");
                }
                Thread.sleep(5);
            }
        } finally {
            release.countDown();
        }
        holder.get(2, TimeUnit.MINUTES);

        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
            statuses.merge(answer.get(2, TimeUnit.MINUTES).statusCode(), 1, Integer::sum);
        }
        assertEquals(Map.of(403, EnrolmentController.MAX_FAILURES, 429, overLimit), statuses);
        HttpResponse<byte[]> right = new TestHttp(baseUrl).postBytes("/api/v1/enrol",
                new TestDevice().enrolRequest(validCode), "application/json");
        assertEquals(429, right.statusCode(), "even the right code is refused once the limit is reached");
    }
}
