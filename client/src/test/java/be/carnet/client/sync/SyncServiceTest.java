package be.carnet.client.sync;

import be.carnet.client.agency.AgencyException;
import be.carnet.client.agency.FakeAgency;
import be.carnet.client.agency.NotEnrolledException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.client.ServiceFixture;
import be.carnet.client.incident.IncidentState;
import be.carnet.client.incident.JournalEntry;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncServiceTest {

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
    void sendsEveryReportAndKeepsEachVerifiedReceipt() {
        String first = app.journal.save(ServiceFixture.incident("un"));
        String second = app.journal.save(ServiceFixture.incident("deux"));

        SyncOutcome outcome = app.sync.syncAll();

        assertEquals(List.of(
                new ReportResult(first, 1, ReportResult.Outcome.ACKNOWLEDGED, 1, ServiceFixture.clockStart()),
                new ReportResult(second, 2, ReportResult.Outcome.ACKNOWLEDGED, 2,
                        ServiceFixture.clockStart().plusSeconds(1))), outcome.results());
        assertNull(outcome.stoppedBy());
        assertEquals(List.of(first, second), agency.storedReportIds());
        assertEquals(List.of(new KeptReceipt(first, 1, 1, ServiceFixture.clockStart()),
                new KeptReceipt(second, 2, 2, ServiceFixture.clockStart().plusSeconds(1))), app.sync.receipts());
        assertEquals(List.of(IncidentState.ACKNOWLEDGED, IncidentState.ACKNOWLEDGED), states());
    }

    @Test
    void aSecondSyncSendsNothingAgain() {
        app.journal.save(ServiceFixture.incident("un"));
        app.sync.syncAll();

        SyncOutcome again = app.sync.syncAll();

        assertEquals(List.of(), again.results());
        assertEquals(1, agency.reportRequestCount());
    }

    @Test
    void whenTheAgencyIsDownEverythingIsKeptAndTheNextSyncSucceeds() {
        String reportId = app.journal.save(ServiceFixture.incident("hors ligne"));
        agency.setDown(true);

        SyncOutcome down = app.sync.syncAll();

        assertEquals(List.of(ReportResult.failed(reportId, 1, ReportResult.Outcome.NOT_SENT)), down.results());
        assertEquals(AgencyException.Kind.UNREACHABLE, down.stoppedBy());
        assertEquals(List.of(IncidentState.READY), states());
        assertEquals(1, app.journal.unacknowledged().size());

        agency.setDown(false);
        SyncOutcome up = app.sync.syncAll();

        assertEquals(ReportResult.Outcome.ACKNOWLEDGED, up.results().get(0).outcome());
        assertEquals(List.of(IncidentState.ACKNOWLEDGED), states());
    }

    @Test
    void aSyncInterruptedAfterTheAgencyStoredTheReportResumesWithTheSameReceipt() {
        String reportId = app.journal.save(ServiceFixture.incident("coupure"));
        agency.failNext(FakeAgency.Failure.DROP_AFTER_COMMIT, FakeAgency.Failure.DROP, FakeAgency.Failure.DROP,
                FakeAgency.Failure.DROP);
        app.sync.syncAll();

        SyncOutcome resumed = app.sync.syncAll();

        assertEquals(new ReportResult(reportId, 1, ReportResult.Outcome.ACKNOWLEDGED, 1, ServiceFixture.clockStart()),
                resumed.results().get(0));
        assertEquals(List.of(reportId), agency.storedReportIds());
    }

    @Test
    void aReceiptSignedByAnotherKeyIsRefusedAndTheReportStaysUnacknowledged() {
        String reportId = app.journal.save(ServiceFixture.incident("reçu falsifié"));
        agency.signReceiptsWith(Ed25519KeyPair.generate());

        SyncOutcome outcome = app.sync.syncAll();

        assertEquals(List.of(ReportResult.failed(reportId, 1, ReportResult.Outcome.INVALID_RECEIPT)),
                outcome.results());
        assertEquals(List.of(IncidentState.SENT), states());
        assertEquals(List.of(), app.sync.receipts());
        assertEquals(1, app.journal.unacknowledged().size());

        agency.signReceiptsWith(null);
        assertEquals(ReportResult.Outcome.ACKNOWLEDGED, app.sync.syncAll().results().get(0).outcome());
    }

    @Test
    void aConflictIsFinalNotRetriedAndNothingIsOverwrittenOrDeleted() {
        String reportId = app.journal.save(ServiceFixture.incident("conflit"));
        agency.holdOtherBytesFor(reportId);

        SyncOutcome outcome = app.sync.syncAll();

        assertEquals(List.of(ReportResult.failed(reportId, 1, ReportResult.Outcome.CONFLICT)), outcome.results());
        assertNull(outcome.stoppedBy());
        assertEquals(1, agency.reportRequestCount());
        assertEquals(List.of(IncidentState.READY), states());
        assertEquals(1, app.journal.unacknowledged().size());
    }

    @Test
    void aReplayedReceiptOfAnotherReportIsRefusedAndTheReportIsSentAgainNextTime() {
        app.journal.save(ServiceFixture.incident("premier"));
        app.sync.syncAll();
        String second = app.journal.save(ServiceFixture.incident("second"));
        agency.failNext(FakeAgency.Failure.REPLAY_LAST_RECEIPT);

        SyncOutcome replayed = app.sync.syncAll();
        SyncOutcome next = app.sync.syncAll();

        assertEquals(List.of(ReportResult.failed(second, 2, ReportResult.Outcome.INVALID_RECEIPT)), replayed.results());
        assertEquals(ReportResult.Outcome.ACKNOWLEDGED, next.results().get(0).outcome());
        assertEquals(2, next.results().get(0).logPosition());
    }

    @Test
    void aBusyAgencyIsRetriedAfterItsRetryAfter() {
        app.journal.save(ServiceFixture.incident("occupé"));
        agency.failNext(FakeAgency.Failure.BUSY);

        SyncOutcome outcome = app.sync.syncAll();

        assertEquals(ReportResult.Outcome.ACKNOWLEDGED, outcome.results().get(0).outcome());
        assertEquals(java.time.Duration.ofSeconds(1), app.waits.waits().get(0));
    }

    @Test
    void syncBeforeEnrolmentIsRefused(@TempDir Path other) {
        try (ServiceFixture fresh = ServiceFixture.created(other)) {
            assertThrows(NotEnrolledException.class, fresh.sync::syncAll);
        }
    }

    private List<IncidentState> states() {
        return app.journal.list().stream().map(JournalEntry::state).toList();
    }
}
