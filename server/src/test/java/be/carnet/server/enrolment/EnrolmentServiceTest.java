package be.carnet.server.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.form.InvalidInputException;
import be.carnet.server.MutableClock;
import be.carnet.server.TestDatabase;
import be.carnet.server.TestDevice;
import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.mission.UnknownMissionException;
import be.carnet.server.storage.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolmentServiceTest {

    @TempDir
    Path data;
    Database database;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    EnrolmentService enrolments;
    Mission mission;

    @BeforeEach
    void open() {
        database = Database.open(data);
        MissionService missions = new MissionService(database, clock);
        enrolments = new EnrolmentService(database, missions, AgencyKeys.generate(), clock);
        mission = missions.create("admin", "Mission", "Brasília");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCodeIsRefusedOnceItHasExpired() {
        String code = enrolments.issueCode(mission.id(), "Late traveller");
        clock.advance(EnrolmentService.CODE_LIFETIME);
        TestDevice device = new TestDevice();

        CodeRejectedException e = assertThrows(CodeRejectedException.class,
                () -> enrolments.confirm(device.enrolConfirmation(code)));

        assertEquals("the enrolment code is unknown, expired or already used by another device", e.getMessage());
        assertEquals(0, enrolments.devices(mission.id()).size());
    }

    @Test
    void aCodeIsAcceptedJustBeforeItExpires() {
        String code = enrolments.issueCode(mission.id(), "Just in time");
        clock.advance(EnrolmentService.CODE_LIFETIME.minus(Duration.ofSeconds(1)));

        enrolments.confirm(new TestDevice().enrolConfirmation(code));

        assertEquals(1, enrolments.devices(mission.id()).size());
        assertEquals(true, enrolments.codes(mission.id()).get(0).used());
    }

    @Test
    void oneDeviceKeyCannotRedeemTwoCodes() {
        TestDevice device = new TestDevice();
        enrolments.confirm(device.enrolConfirmation(enrolments.issueCode(mission.id(), "First")));
        String second = enrolments.issueCode(mission.id(), "Second");

        assertThrows(CodeRejectedException.class, () -> enrolments.offer(device.enrolRequest(second)));
        assertThrows(CodeRejectedException.class, () -> enrolments.confirm(device.enrolConfirmation(second)));

        assertEquals(false, enrolments.codes(mission.id()).get(1).used());
    }

    @Test
    void anOfferSpendsNothingAndRecordsNothing() {
        String code = enrolments.issueCode(mission.id(), "Careful traveller");
        long auditBefore = TestDatabase.count(data, "audit");

        enrolments.offer(new TestDevice().enrolRequest(code));
        enrolments.offer(new TestDevice().enrolRequest(code));

        assertEquals(false, enrolments.codes(mission.id()).get(0).used());
        assertEquals(0, enrolments.devices(mission.id()).size());
        assertEquals(auditBefore, TestDatabase.count(data, "audit"));
    }

    @Test
    void anExpiredCodeGetsNoOffer() {
        String code = enrolments.issueCode(mission.id(), "Late traveller");
        clock.advance(EnrolmentService.CODE_LIFETIME);

        assertThrows(CodeRejectedException.class, () -> enrolments.offer(new TestDevice().enrolRequest(code)));
    }

    @Test
    void aRequestIsNotAConfirmationNorTheOtherWayRound() {
        String code = enrolments.issueCode(mission.id(), "Traveller");
        TestDevice device = new TestDevice();

        MalformedEnrolmentException asConfirmation = assertThrows(MalformedEnrolmentException.class,
                () -> enrolments.confirm(device.enrolRequest(code)));
        MalformedEnrolmentException asRequest = assertThrows(MalformedEnrolmentException.class,
                () -> enrolments.offer(device.enrolConfirmation(code)));

        assertEquals("the enrolment confirmation is not valid: the signed document is a \"carnet.enrol-request/1\", "
                + "expected \"carnet.enrol-confirm/1\"", asConfirmation.getMessage());
        assertEquals("the enrolment request is not valid: the signed document is a \"carnet.enrol-confirm/1\", "
                + "expected \"carnet.enrol-request/1\"", asRequest.getMessage());
        assertEquals(false, enrolments.codes(mission.id()).get(0).used());
    }

    @Test
    void aCodeNeedsAnAliasWithinTheLimit() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> enrolments.issueCode(mission.id(), "x".repeat(121)));

        assertEquals("alias must be at most 120 characters", e.getMessage());
        assertEquals(0, enrolments.codes(mission.id()).size());
    }

    @Test
    void aCodeIsForAnExistingMission() {
        UnknownMissionException e = assertThrows(UnknownMissionException.class,
                () -> enrolments.issueCode("no-such-mission", "Someone"));

        assertEquals("there is no mission with id no-such-mission", e.getMessage());
    }
}
