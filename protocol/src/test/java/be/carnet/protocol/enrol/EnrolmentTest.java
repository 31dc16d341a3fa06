package be.carnet.protocol.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnrolmentTest {

    private static final Ed25519KeyPair AGENCY = Ed25519KeyPair.generate();
    private static final X25519Identity REPORT_KEY = X25519Identity.generate();
    private static final X25519Identity MISSION_KEY = X25519Identity.generate();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aCodeSurvivesSloppyTyping() {
        EnrolmentCode code = EnrolmentCode.generate(AGENCY.publicKey());
        String typed = " " + code.formatted().toLowerCase().replace('-', ' ').replace('0', 'o').replace('1', 'l') + " ";

        EnrolmentCode parsed = EnrolmentCode.parse(typed);

        assertEquals(code, parsed);
        assertTrue(parsed.matchesAgencyKey(AGENCY.publicKey()));
        assertFalse(parsed.matchesAgencyKey(Ed25519KeyPair.generate().publicKey()));
    }

    @Test
    void aCodeNeverShowsItsSecretInLogs() {
        EnrolmentCode code = EnrolmentCode.generate(AGENCY.publicKey());

        assertFalse(code.toString().contains(code.secret()));
    }

    static Stream<Arguments> badCodes() {
        return Stream.of(
                Arguments.of(null, "the enrolment code is missing"),
                Arguments.of("", "the enrolment code must have 28 characters"),
                Arguments.of("ABCD-EFGH", "the enrolment code must have 28 characters"),
                Arguments.of("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-234U", "the enrolment code may contain only letters and digits"),
                Arguments.of("<script>alert(1)</script>", "the enrolment code may contain only letters and digits"),
                // Java upper-cases these to I and S: they are not the code's letters all the same.
                Arguments.of("ABCD-EFGH-JKMN-PQRS-TVWX-YZ0\u0131-2345", "the enrolment code may contain only letters and digits"),
                Arguments.of("ABCD-EFGH-JKMN-PQR\u017f-TVWX-YZ01-2345", "the enrolment code may contain only letters and digits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCodes")
    void refusesMalformedCodes(String typed, String message) {
        EnrolmentException e = assertThrows(EnrolmentException.class, () -> EnrolmentCode.parse(typed));

        assertEquals(message, e.getMessage());
    }

    @Test
    void theDeviceAcceptsAnAnswerFromTheAgencyInItsCodeAndOpensTheMissionKey() {
        EnrolmentCode code = EnrolmentCode.generate(AGENCY.publicKey());
        Ed25519KeyPair device = Ed25519KeyPair.generate();
        X25519Identity deviceIdentity = X25519Identity.generate();
        byte[] request = new EnrolmentRequest(code.secret(), device.publicKey(), deviceIdentity.recipient(), NOW).sign(device);

        EnrolmentRequest atAgency = EnrolmentRequest.verify(request);
        byte[] answer = EnrolmentAnswer.create("m-1", "Mission Chine", "Delegate 7", atAgency.deviceSigningKey(),
                atAgency.deviceRecipient(), AGENCY.publicKey(), REPORT_KEY.recipient(), MISSION_KEY, NOW).sign(AGENCY);
        EnrolmentAnswer onDevice = EnrolmentAnswer.verify(answer, code, device.publicKey());

        assertEquals(code.secret(), atAgency.codeSecret());
        assertEquals("Delegate 7", onDevice.travellerAlias());
        assertEquals(AGENCY.publicKey(), onDevice.agencySigningKey());
        assertEquals(MISSION_KEY.recipient(), onDevice.openMissionKey(deviceIdentity).recipient());
    }

    @Test
    void theDeviceRefusesAnAnswerSignedByAKeyOtherThanTheOneInItsCode() {
        Ed25519KeyPair impostor = Ed25519KeyPair.generate();
        EnrolmentCode code = EnrolmentCode.generate(AGENCY.publicKey());
        Ed25519KeyPair device = Ed25519KeyPair.generate();
        X25519Identity deviceIdentity = X25519Identity.generate();
        byte[] answer = EnrolmentAnswer.create("m-1", "Mission", "A", device.publicKey(), deviceIdentity.recipient(),
                impostor.publicKey(), REPORT_KEY.recipient(), MISSION_KEY, NOW).sign(impostor);

        EnrolmentException e = assertThrows(EnrolmentException.class,
                () -> EnrolmentAnswer.verify(answer, code, device.publicKey()));

        assertEquals("the agency key does not match the fingerprint in the enrolment code",
                e.getMessage());
    }

    @Test
    void theAgencyRefusesARequestSignedByAnotherKeyThanTheOneItEnrols() {
        Ed25519KeyPair device = Ed25519KeyPair.generate();
        Ed25519KeyPair other = Ed25519KeyPair.generate();
        byte[] request = new EnrolmentRequest("0123456789ABCDEF", device.publicKey(),
                X25519Identity.generate().recipient(), NOW).sign(device);
        byte[] swapped = new String(request).replace(device.publicKey().keyId(), other.publicKey().keyId()).getBytes();

        EnrolmentException e = assertThrows(EnrolmentException.class, () -> EnrolmentRequest.verify(swapped));

        assertEquals("the enrolment request is not valid: the document is signed by key " + other.publicKey().keyId()
                + ", not by the expected key " + device.publicKey().keyId(), e.getMessage());
    }
}
