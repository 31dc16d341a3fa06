package be.carnet.client.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.client.agency.AgencyException;
import be.carnet.client.agency.FakeAgency;
import be.carnet.protocol.enrol.EnrolmentCode;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolmentServiceTest {

    @TempDir
    Path dir;

    private ServiceFixture app;
    private FakeAgency agency;

    @BeforeEach
    void start() {
        app = ServiceFixture.created(dir);
        agency = new FakeAgency(app.clock);
    }

    @AfterEach
    void stop() {
        agency.close();
        app.close();
    }

    @Test
    void enrolsAndPinsTheAgencyKeyFromTheCode() throws Exception {
        Enrolment enrolment = app.enrol(agency);

        assertEquals(agency.missionId, enrolment.missionId());
        assertEquals("Mission économique Chine", enrolment.missionName());
        assertEquals("Délégué 7", enrolment.alias());
        assertEquals(agency.signingKey.publicKey(), enrolment.agencyKey());
        assertEquals(agency.reportIdentity.recipient(), enrolment.reportRecipient());
        assertEquals(agency.missionIdentity.recipient(), enrolment.missionKey().recipient());
        assertEquals(agency.address(), enrolment.server());
    }

    @Test
    void theEnrolmentSurvivesLockAndUnlock() throws Exception {
        Enrolment enrolled = app.enrol(agency);
        app.vault.lock();

        app.vault.unlock(ServiceFixture.PASSPHRASE);

        Enrolment read = app.enrolments.current().orElseThrow();
        assertEquals(enrolled.deviceKey().publicKey(), read.deviceKey().publicKey());
        assertEquals(enrolled.agencyKey(), read.agencyKey());
    }

    @Test
    void refusesAnAnswerSignedByAKeyThatDoesNotMatchTheCodeAndStoresNothing() {
        agency.answerWith(Ed25519KeyPair.generate());

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> app.enrol(agency));

        assertEquals(EnrolmentFailedException.Reason.WRONG_AGENCY, e.reason());
        assertEquals("the agency key does not match the fingerprint in the enrolment code", e.getMessage());
        assertFalse(app.enrolments.current().isPresent());
    }

    @Test
    void aRefusedCodeIsReportedAsSuchAndStoresNothing() {
        String code = agency.issueCode("Délégué 7");
        EnrolmentCode unknown = EnrolmentCode.parse("ZZZZZZZZZZZZZZZZ" + code.replace("-", "").substring(16));

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> app.enrolments.enrol(
                ServerAddress.parse(agency.address().toString()), unknown));

        assertEquals(EnrolmentFailedException.Reason.AGENCY, e.reason());
        assertEquals(AgencyException.Kind.CODE_REJECTED, e.agencyKind());
        assertFalse(app.enrolments.current().isPresent());
    }

    @Test
    void aLostAnswerIsRetriedWithTheSameDeviceKeyAndSucceeds() throws Exception {
        agency.failNext(FakeAgency.Failure.DROP_AFTER_COMMIT);

        Enrolment enrolment = app.enrol(agency);

        assertEquals(agency.missionId, enrolment.missionId());
        assertEquals(2, agency.requestCount());
    }

    @Test
    void enrollingAgainWithTheSameCodeAfterEveryAnswerWasLostReusesTheDeviceKey() throws Exception {
        String code = agency.issueCode("Délégué 7");
        ServerAddress server = ServerAddress.parse(agency.address().toString());
        agency.failNext(FakeAgency.Failure.DROP_AFTER_COMMIT, FakeAgency.Failure.DROP_AFTER_COMMIT,
                FakeAgency.Failure.DROP_AFTER_COMMIT, FakeAgency.Failure.DROP_AFTER_COMMIT);
        assertThrows(EnrolmentFailedException.class, () -> app.enrolments.enrol(server, EnrolmentCode.parse(code)));

        Enrolment enrolment = app.enrolments.enrol(server, EnrolmentCode.parse(code));

        assertEquals(agency.missionId, enrolment.missionId());
    }

    @Test
    void anAgencyThatIsDownIsReportedAsUnreachableAfterBoundedRetries() {
        agency.setDown(true);

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> app.enrol(agency));

        assertEquals(AgencyException.Kind.UNREACHABLE, e.agencyKind());
        assertEquals(4, agency.requestCount());
    }

    @Test
    void aSecondEnrolmentIsRefused() throws Exception {
        app.enrol(agency);

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> app.enrol(agency));

        assertEquals(EnrolmentFailedException.Reason.ALREADY_ENROLLED, e.reason());
        assertTrue(app.enrolments.current().isPresent());
    }
}
