package be.carnet.client.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.client.agency.FakeAgency;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A passphrase slot made like {@code age -p} makes it (work factor 18) is named as such, not as a wrong passphrase. */
class BundleWorkFactorTest {

    @TempDir
    Path dir;

    private ServiceFixture app;
    private FakeAgency agency;

    @BeforeEach
    void start() throws Exception {
        app = ServiceFixture.created(dir);
        agency = new FakeAgency(app.clock);
        app.enrol(agency);
    }

    @AfterEach
    void stop() {
        agency.close();
        app.close();
    }

    @Test
    void aSlotWithWorkFactor18IsRefusedAsTooCostlyAndInstallsNothing() {
        agency.publishWithSlotWorkFactor(1, app.clock.instant().plus(Duration.ofDays(90)), ServiceFixture.files("x"),
                "sept ponts sur la Meuse", 18);

        BundleUpdate update = app.bundles.update("sept ponts sur la Meuse".toCharArray());

        assertEquals(BundleUpdate.Outcome.WORK_FACTOR_TOO_HIGH, update.outcome());
        assertEquals("the bundle's mission passphrase slot has scrypt work factor 18, too high: at most 17"
                + " (formats.md 9.5)", update.reason());
        assertTrue(app.bundles.library().isEmpty());
    }
}
