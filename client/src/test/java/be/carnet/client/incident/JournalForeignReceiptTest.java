package be.carnet.client.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.client.ServiceFixture;
import be.carnet.client.agency.FakeAgency;
import be.carnet.client.enrolment.Enrolment;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.report.Receipt;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * formats.md 7.1: the journal check holds a kept receipt to the same rules as sync does, so a receipt signed by
 * the pinned agency key but naming another mission, device or agency key is a broken entry ({@code receipt}).
 */
class JournalForeignReceiptTest {

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

    static Stream<Arguments> foreign() {
        return Stream.of(
                Arguments.of("another mission", "m-other", null, null,
                        "the receipt's missionId names another mission than the device's"),
                Arguments.of("another device", null, "0000000000000000", null,
                        "the receipt's deviceKeyId names another device than this one"),
                Arguments.of("another agency key id", null, null, "56475aa75463474c",
                        "the receipt's agencyKeyId names another agency key than the one that signed it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreign")
    void aKeptReceiptForAnotherMissionDeviceOrAgencyKeyBreaksTheJournal(String name, String missionId,
            String deviceKeyId, String agencyKeyId, String detail) throws Exception {
        Enrolment enrolment = app.enrol(agency);
        app.journal.save(ServiceFixture.incident("premier"));
        Outgoing entry = app.journal.unacknowledged().get(0);
        Receipt foreign = new Receipt(entry.reportId(), missionId == null ? enrolment.missionId() : missionId,
                deviceKeyId == null ? enrolment.deviceKey().publicKey().keyId() : deviceKeyId,
                Hashes.sha256Hex(entry.sealed()), app.clock.instant(), 1,
                agencyKeyId == null ? agency.signingKey.publicKey().keyId() : agencyKeyId);
        app.journal.acknowledge(entry.reportId(), foreign.sign(agency.signingKey));

        JournalVerification verification = app.journal.verify();

        assertEquals(JournalProblem.RECEIPT, verification.firstBreak().problem(), verification.describe());
        assertEquals(1, verification.firstBreak().position());
        assertEquals(detail, verification.firstBreak().detail());
    }
}
