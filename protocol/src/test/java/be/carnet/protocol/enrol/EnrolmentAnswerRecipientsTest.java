package be.carnet.protocol.enrol;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.age.Age;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** formats.md 4.2: the mission key in an enrolment answer is sealed to this device alone, one X25519 stanza. */
class EnrolmentAnswerRecipientsTest {

    private static final Ed25519KeyPair AGENCY = Ed25519KeyPair.generate();
    private static final Ed25519KeyPair DEVICE = Ed25519KeyPair.generate();
    private static final X25519Identity DEVICE_AGE = X25519Identity.generate();

    private static byte[] answerWithMissionKey(byte[] sealedMissionKey) {
        return new EnrolmentAnswer("m-1", "Mission", "Délégué 7", DEVICE.publicKey().keyId(), AGENCY.publicKey(),
                X25519Identity.generate().recipient(), sealedMissionKey, Instant.parse("2026-11-28T10:00:00Z"))
                .sign(AGENCY);
    }

    @Test
    void refusesAMissionKeyAlsoSealedToSomeoneElse() {
        byte[] missionIdentity = X25519Identity.generate().encoded().getBytes(US_ASCII);
        byte[] answer = answerWithMissionKey(Age.encrypt(missionIdentity,
                List.of(DEVICE_AGE.recipient(), X25519Identity.generate().recipient())));
        EnrolmentCode code = EnrolmentCode.generate(AGENCY.publicKey());

        EnrolmentException e = assertThrows(EnrolmentException.class,
                () -> EnrolmentAnswer.verify(answer, code, DEVICE.publicKey()));

        assertEquals("enrolment.missionKey must be sealed to exactly one recipient, this device (one X25519 stanza,"
                + " formats.md 4.2)", e.getMessage());
    }

    @Test
    void opensAMissionKeySealedToThisDeviceAlone() {
        X25519Identity mission = X25519Identity.generate();
        byte[] answer = answerWithMissionKey(Age.encrypt(mission.encoded().getBytes(US_ASCII), DEVICE_AGE.recipient()));
        EnrolmentCode code = EnrolmentCode.generate(AGENCY.publicKey());

        EnrolmentAnswer verified = EnrolmentAnswer.verify(answer, code, DEVICE.publicKey());

        assertEquals(mission.recipient(), verified.openMissionKey(DEVICE_AGE).recipient());
    }
}
