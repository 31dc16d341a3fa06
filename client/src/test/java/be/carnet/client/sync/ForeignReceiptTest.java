package be.carnet.client.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.client.ServiceFixture;
import be.carnet.client.agency.FakeAgency;
import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.incident.IncidentState;
import be.carnet.client.incident.JournalEntry;
import be.carnet.protocol.report.Receipt;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * formats.md 8.4: a receipt signed by the pinned agency key still acknowledges nothing unless it names this
 * report, this mission, this device and the key that signed it.
 */
class ForeignReceiptTest {

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private ServiceFixture app;
    private FakeAgency agency;
    private Enrolment enrolment;

    @BeforeEach
    void start() throws Exception {
        app = ServiceFixture.created(dir);
        agency = new FakeAgency(app.clock);
        enrolment = app.enrol(agency);
    }

    @AfterEach
    void stop() {
        agency.close();
        app.close();
    }

    static Stream<Arguments> foreign() {
        return Stream.of(
                Arguments.of("another mission", "m-other", null, null),
                Arguments.of("another device", null, "0000000000000000", null),
                Arguments.of("another agency key id", null, null, "56475aa75463474c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreign")
    void aReceiptForAnotherMissionDeviceOrAgencyKeyIsRefusedAndTheReportStaysUnacknowledged(String name,
            String missionId, String deviceKeyId, String agencyKeyId) {
        String reportId = app.journal.save(ServiceFixture.incident("reçu d'ailleurs"));
        agency.receiptsName(new Receipt.Expected(null,
                missionId == null ? enrolment.missionId() : missionId,
                deviceKeyId == null ? enrolment.deviceKey().publicKey().keyId() : deviceKeyId, null), agencyKeyId);

        SyncOutcome outcome = app.sync.syncAll();

        assertEquals(List.of(ReportResult.failed(reportId, 1, ReportResult.Outcome.INVALID_RECEIPT)),
                outcome.results());
        assertEquals(List.of(IncidentState.SENT),
                app.journal.list().stream().map(JournalEntry::state).toList());
        assertEquals(List.of(), app.sync.receipts());
        assertEquals(1, app.journal.unacknowledged().size());
    }
}
