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

    private Enrolment enrol(String code) throws EnrolmentFailedException {
        return app.enrolments.enrol(ServerAddress.parse(agency.address().toString()), EnrolmentCode.parse(code));
    }

    /** {@code code} with one character of its fingerprint part (the last twelve) changed. */
    private static String withFingerprintTypo(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    @Test
    void aTypoInTheFingerprintPartIsCaughtBeforeAnythingIsSentAndTheRightCodeStillWorks() throws Exception {
        String code = agency.issueCode("Délégué 7");

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class,
                () -> enrol(withFingerprintTypo(code)));

        assertEquals(EnrolmentFailedException.Reason.CODE_MISMATCH, e.reason());
        assertEquals(0, agency.requestCount(FakeAgency.Endpoint.OFFER));
        assertEquals(0, agency.requestCount(FakeAgency.Endpoint.CONFIRM));
        assertFalse(agency.spent(code));
        assertEquals(agency.missionId, enrol(code).missionId());
        assertTrue(agency.spent(code));
    }

    @Test
    void anOfferSignedByAKeyThatDoesNotMatchTheCodeIsRefusedBeforeTheCodeIsSpent() throws Exception {
        String code = agency.issueCode("Délégué 7");
        agency.answerWith(Ed25519KeyPair.generate());

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> enrol(code));

        assertEquals(EnrolmentFailedException.Reason.WRONG_AGENCY, e.reason());
        assertEquals("the agency key does not match the fingerprint in the enrolment code", e.getMessage());
        assertEquals(0, agency.requestCount(FakeAgency.Endpoint.CONFIRM));
        assertFalse(agency.spent(code));
        assertFalse(app.enrolments.current().isPresent());
        agency.answerWith(agency.signingKey);
        assertEquals(agency.missionId, enrol(code).missionId());
    }

    @Test
    void anAgencyAnnouncingAnotherKeyIsRefusedBeforeTheCodeIsSent() {
        String code = agency.issueCode("Délégué 7");
        agency.announce(Ed25519KeyPair.generate().publicKey());

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> enrol(code));

        assertEquals(EnrolmentFailedException.Reason.CODE_MISMATCH, e.reason());
        assertEquals(0, agency.requestCount(FakeAgency.Endpoint.OFFER));
        assertFalse(agency.spent(code));
    }

    @Test
    void aRefusedCodeIsReportedAsSuchAndStoresNothing() {
        String code = agency.issueCode("Délégué 7");
        String unknown = "ZZZZ-ZZZZ-ZZZZ-ZZZZ" + code.substring(19);

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> enrol(unknown));

        assertEquals(EnrolmentFailedException.Reason.AGENCY, e.reason());
        assertEquals(AgencyException.Kind.CODE_REJECTED, e.agencyKind());
        assertFalse(app.enrolments.current().isPresent());
        assertFalse(agency.spent(code));
    }

    @Test
    void whenEveryOfferIsLostTheCodeIsUntouchedAndTheNextTryWorks() throws Exception {
        String code = agency.issueCode("Délégué 7");
        agency.failNext(FakeAgency.Endpoint.OFFER, FakeAgency.Failure.DROP, FakeAgency.Failure.DROP,
                FakeAgency.Failure.DROP, FakeAgency.Failure.DROP);

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> enrol(code));

        assertEquals(AgencyException.Kind.UNREACHABLE, e.agencyKind());
        assertEquals(0, agency.requestCount(FakeAgency.Endpoint.CONFIRM));
        assertFalse(agency.spent(code));
        assertEquals(agency.missionId, enrol(code).missionId());
    }

    @Test
    void whenEveryConfirmationIsLostBeforeTheAgencyReadsItTheCodeIsUntouchedAndTheNextTryWorks() throws Exception {
        String code = agency.issueCode("Délégué 7");
        agency.failNext(FakeAgency.Endpoint.CONFIRM, FakeAgency.Failure.DROP, FakeAgency.Failure.DROP,
                FakeAgency.Failure.DROP, FakeAgency.Failure.DROP);

        assertThrows(EnrolmentFailedException.class, () -> enrol(code));

        assertFalse(agency.spent(code));
        assertEquals(0, agency.enrolledDevices());
        assertEquals(agency.missionId, enrol(code).missionId());
    }

    @Test
    void aLostAnswerIsRetriedWithTheSameDeviceKeyAndSucceeds() throws Exception {
        agency.failNext(FakeAgency.Endpoint.CONFIRM, FakeAgency.Failure.DROP_AFTER_COMMIT);

        Enrolment enrolment = app.enrol(agency);

        assertEquals(agency.missionId, enrolment.missionId());
        assertEquals(2, agency.requestCount(FakeAgency.Endpoint.CONFIRM));
        assertEquals(1, agency.enrolledDevices());
    }

    @Test
    void enrollingAgainWithTheSameCodeAfterEveryAnswerWasLostReusesTheDeviceKey() throws Exception {
        String code = agency.issueCode("Délégué 7");
        agency.failNext(FakeAgency.Endpoint.CONFIRM, FakeAgency.Failure.DROP_AFTER_COMMIT,
                FakeAgency.Failure.DROP_AFTER_COMMIT, FakeAgency.Failure.DROP_AFTER_COMMIT,
                FakeAgency.Failure.DROP_AFTER_COMMIT);
        assertThrows(EnrolmentFailedException.class, () -> enrol(code));
        assertTrue(agency.spent(code), "the agency spent the code for this device before every answer was lost");

        Enrolment enrolment = enrol(code);

        assertEquals(agency.missionId, enrolment.missionId());
        assertEquals(1, agency.enrolledDevices());
    }

    @Test
    void anAnswerThatDiffersFromTheOfferIsRefusedAndTheSameCodeCompletesOnRetry() throws Exception {
        String code = agency.issueCode("Délégué 7");
        agency.answerAsAlias("Someone else");

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> enrol(code));

        assertEquals(EnrolmentFailedException.Reason.INVALID_ANSWER, e.reason());
        assertEquals("the enrolment answer differs from the agency's offer", e.getMessage());
        assertFalse(app.enrolments.current().isPresent());
        agency.answerAsAlias(null);
        Enrolment enrolment = enrol(code);
        assertEquals("Délégué 7", enrolment.alias());
        assertEquals(1, agency.enrolledDevices(), "the retry completed the same enrolment, not a second one");
    }

    @Test
    void anAgencyThatIsDownIsReportedAsUnreachableAfterBoundedRetries() {
        agency.setDown(true);

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> app.enrol(agency));

        assertEquals(AgencyException.Kind.UNREACHABLE, e.agencyKind());
        assertEquals(0, agency.requestCount(FakeAgency.Endpoint.OFFER), "the code was never sent");
        // Four attempts; the JDK client may resend an unanswered GET once on a fresh connection.
        assertTrue(agency.requestCount(FakeAgency.Endpoint.AGENCY) >= 4, "attempts: " + agency.requestCount());
        assertTrue(agency.requestCount(FakeAgency.Endpoint.AGENCY) <= 8, "attempts: " + agency.requestCount());
    }

    @Test
    void aSecondEnrolmentIsRefused() throws Exception {
        app.enrol(agency);

        EnrolmentFailedException e = assertThrows(EnrolmentFailedException.class, () -> app.enrol(agency));

        assertEquals(EnrolmentFailedException.Reason.ALREADY_ENROLLED, e.reason());
        assertTrue(app.enrolments.current().isPresent());
    }
}
