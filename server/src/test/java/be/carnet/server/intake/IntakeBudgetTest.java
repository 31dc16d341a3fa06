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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake holds a bounded number of sealed bytes at once, reserved before a body is read: opening a report
 * takes about twelve times its size in heap, so a burst of large reports is asked to retry instead of
 * exhausting the server's memory.
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
    void aReportLargerThanTheRoomLeftIsAskedToRetryBeforeItsBodyIsRead() {
        IntakeService intake = intakeHolding(1_000);
        AtomicBoolean read = new AtomicBoolean();

        assertThrows(IntakeBusyException.class, () -> intake.receive(UUID.randomUUID().toString(), 1_001, max -> {
            read.set(true);
            return new byte[0];
        }));

        assertFalse(read.get());
        assertEquals(0, TestDatabase.count(data, "reports"));
    }

    @Test
    void aBodyWithoutDeclaredLengthReservesTheLargestReport() {
        IntakeService intake = intakeHolding(IntakeService.MAX_SEALED_BYTES - 1);
        String reportId = UUID.randomUUID().toString();
        byte[] sealed = sealed(reportId);

        assertThrows(IntakeBusyException.class, () -> intake.receive(reportId, -1, max -> sealed));

        assertEquals(0, TestDatabase.count(data, "reports"));
    }

    @Test
    void aReportArrivingWhileAnotherHoldsTheRoomIsBusyAndTheRoomIsGivenBackAfterwards() {
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        byte[] first = sealed(firstId);
        byte[] second = sealed(secondId);
        IntakeService intake = intakeHolding(first.length + second.length - 1);
        IntakeBusyException[] whileHeld = new IntakeBusyException[1];

        intake.receive(firstId, first.length, max -> {
            whileHeld[0] = assertThrows(IntakeBusyException.class,
                    () -> intake.receive(secondId, second.length, m -> second));
            return first;
        });
        intake.receive(secondId, second.length, max -> second);

        assertEquals("the server is opening too many reports at once; retry later", whileHeld[0].getMessage());
        assertEquals(2, TestDatabase.count(data, "reports"));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsLeftToTheBodyReaderToRefuseWithoutReading() {
        IntakeService intake = intakeHolding(1_000);
        IllegalStateException tooLarge = new IllegalStateException("too large");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> intake.receive(
                UUID.randomUUID().toString(), IntakeService.MAX_SEALED_BYTES + 1L, max -> {
                    throw tooLarge;
                }));

        assertEquals(tooLarge, e);
    }

    @Test
    void anInvalidIdIsRefusedBeforeTheBodyIsRead() {
        IntakeService intake = intakeHolding(IntakeService.DEFAULT_BYTES_IN_FLIGHT);
        AtomicBoolean read = new AtomicBoolean();

        InvalidReportException e = assertThrows(InvalidReportException.class, () -> intake.receive("../x", 10, max -> {
            read.set(true);
            return new byte[10];
        }));

        assertEquals("the report id in the path must be a lowercase UUID", e.getMessage());
        assertFalse(read.get());
    }

    @Test
    void theDefaultRoomTakesTheLargestReport() {
        assertTrue(IntakeService.DEFAULT_BYTES_IN_FLIGHT >= IntakeService.MAX_SEALED_BYTES);
    }
}
