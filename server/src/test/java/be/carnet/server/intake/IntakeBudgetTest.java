package be.carnet.server.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.MutableClock;
import be.carnet.server.TestDatabase;
import be.carnet.server.TestDevice;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake opens a bounded number of sealed bytes at once: opening a report takes about twelve times its size
 * in heap, so a burst of large reports is asked to retry instead of exhausting the server's memory. (Over HTTP
 * the bytes are counted as they arrive, before the intake: see limits.HostileBodiesTest.)
 */
class IntakeBudgetTest {

    @TempDir
    Path data;
    Database database;
    AgencyKeys keys = AgencyKeys.generate();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
    EnrolmentService enrolments;
    Mission mission;
    TestDevice device = new TestDevice();

    @BeforeEach
    void open() {
        database = Database.open(data);
        MissionService missions = new MissionService(database, clock);
        enrolments = new EnrolmentService(database, missions, keys, clock);
        mission = missions.create("admin", "Mission", "");
        enrolments.confirm(device.enrolConfirmation(enrolments.issueCode(mission.id(), "Delegate")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private IntakeService intakeHolding(int bytes) {
        return new IntakeService(database, enrolments, keys, clock, 4, bytes);
    }

    private byte[] sealed(String reportId) {
        return device.seal(device.report(reportId, mission.id(), keys.signing().publicKey().keyId(), "texte"),
                keys.report().recipient());
    }

    @Test
    void aReportLargerThanTheRoomLeftIsAskedToRetryAndNothingIsStored() {
        String reportId = UUID.randomUUID().toString();
        byte[] sealed = sealed(reportId);
        IntakeService intake = intakeHolding(sealed.length - 1);

        IntakeBusyException e = assertThrows(IntakeBusyException.class, () -> intake.receive(reportId, sealed));

        assertEquals("the server is opening too many reports at once; retry later", e.getMessage());
        assertEquals(0, TestDatabase.count(data, "reports"));
    }

    @Test
    void theRoomIsGivenBackAfterEachReport() {
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        byte[] first = sealed(firstId);
        byte[] second = sealed(secondId);
        IntakeService intake = intakeHolding(Math.max(first.length, second.length));

        intake.receive(firstId, first);
        intake.receive(secondId, second);

        assertEquals(2, TestDatabase.count(data, "reports"));
    }

    @Test
    void anInvalidIdIsRefusedBeforeTheRoomIsTaken() {
        IntakeService intake = intakeHolding(1);

        InvalidReportException e = assertThrows(InvalidReportException.class,
                () -> intake.receive("../x", new byte[10]));

        assertEquals("the report id in the path must be a lowercase UUID", e.getMessage());
    }

    @Test
    void theDefaultRoomTakesTheLargestReport() {
        assertTrue(IntakeService.DEFAULT_BYTES_IN_FLIGHT >= IntakeService.MAX_SEALED_BYTES);
    }
}
