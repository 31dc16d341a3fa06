package be.carnet.client.web;

import be.carnet.client.MutableClock;
import be.carnet.client.ServiceFixture;
import be.carnet.client.TestParts;
import be.carnet.client.TravellerApp;
import be.carnet.client.agency.FakeAgency;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** The whole traveller app on a random port, a fake agency, and a browser with an open session. */
public final class WebFixture implements AutoCloseable {

    public static final String PASSPHRASE = ServiceFixture.PASSPHRASE;

    public final Path dir;
    public final MutableClock clock = new MutableClock(TestParts.START);
    public final TestParts.RecordedWaits waits = new TestParts.RecordedWaits();
    public final FakeAgency agency = new FakeAgency(clock);
    public TravellerApp app;
    public Browser browser;

    private WebFixture(Path dir) {
        this.dir = dir;
    }

    /** Starts the app and opens a session (the vault not yet created). */
    public static WebFixture started(Path dir) {
        WebFixture fixture = new WebFixture(dir);
        fixture.start();
        return fixture;
    }

    public void start() {
        app = TravellerApp.start(TravellerApp.Options.defaults(dir, 0)
                .withKdf(TestParts.CHEAP_KDF)
                .withPause(waits)
                .withAgencies(TestParts.httpAgencies(waits, clock))
                .withClock(clock)
                .withZone(ZoneId.of("Asia/Shanghai"))
                .withIdleLock(Duration.ofMinutes(10)));
        browser = new Browser(app.port());
        browser.launch(app.launchUrl());
    }

    public void restart() {
        app.stop();
        start();
    }

    /** Creates the vault through the setup page. */
    public WebFixture setUp() {
        browser.post("/setup", Map.of("passphrase", PASSPHRASE, "confirm", PASSPHRASE));
        return this;
    }

    /** Enrols through the enrolment page (which also downloads the briefings). */
    public Browser.Response enrol() {
        return browser.post("/enrol", Map.of("server", agency.address().toString(),
                "code", agency.issueCode("Délégué 7")));
    }

    /** The form of a valid incident, with {@code description}. */
    public static Map<String, String> incident(String description) {
        return Map.of("category", "T04", "severity", "S2", "tlp", "AMBER", "occurredAt", "2026-12-03T14:30",
                "zone", "Asia/Shanghai", "place", "Hôtel Lotus, Shanghai", "description", description);
    }

    @Override
    public void close() {
        app.stop();
        agency.close();
    }
}
