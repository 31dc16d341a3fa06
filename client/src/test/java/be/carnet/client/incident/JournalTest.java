package be.carnet.client.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.client.agency.FakeAgency;
import be.carnet.client.vault.VaultLockedException;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.SealedReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

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
    void reportIdsAreDistinctLowercaseVersion4Uuids() {
        String first = app.journal.save(ServiceFixture.incident("un"));
        String second = app.journal.save(ServiceFixture.incident("deux"));

        for (String id : List.of(first, second)) {
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            assertEquals(id, java.util.UUID.fromString(id).toString());
        }
        assertNotEquals(first, second);
    }

    @Test
    void beforeEnrolmentAnIncidentIsKeptPending() {
        String reportId = app.journal.save(ServiceFixture.incident("vu un QR code"));

        JournalEntry entry = app.journal.list().get(0);
        assertEquals(reportId, entry.reportId());
        assertEquals(IncidentState.PENDING, entry.state());
        assertEquals(0, entry.sequence());
        assertEquals("vu un QR code", entry.incident().description());
        assertEquals(List.of(), app.journal.unacknowledged());
    }

    @Test
    void afterEnrolmentEachIncidentIsChainedSignedAndSealedOnce() throws Exception {
        app.enrol(agency);

        String first = app.journal.save(ServiceFixture.incident("premier"));
        app.clock.advance(Duration.ofMinutes(5));
        String second = app.journal.save(ServiceFixture.incident("second"));

        List<be.carnet.client.incident.Outgoing> outgoing = app.journal.unacknowledged();
        SealedReport.Opened one = agency.open(outgoing.get(0).sealed());
        SealedReport.Opened two = agency.open(outgoing.get(1).sealed());
        assertEquals(first, one.report().reportId());
        assertEquals(1, one.report().sequence());
        assertEquals(Report.FIRST_PREVIOUS_HASH, one.report().previousHash());
        assertEquals(second, two.report().reportId());
        assertEquals(2, two.report().sequence());
        assertEquals(Hashes.sha256Hex(one.signedEnvelope()), two.report().previousHash());
        assertEquals(agency.missionId, two.report().missionId());
        assertEquals(agency.signingKey.publicKey().keyId(), two.report().agencyKeyId());
        assertEquals("second", two.report().incident().description());
    }

    @Test
    void theSealedBytesAreStoredOnceAndReadBackUnchanged() throws Exception {
        app.enrol(agency);
        app.journal.save(ServiceFixture.incident("une fois"));

        byte[] firstRead = app.journal.unacknowledged().get(0).sealed();
        byte[] secondRead = app.journal.unacknowledged().get(0).sealed();

        assertEquals(Hashes.sha256Hex(firstRead), Hashes.sha256Hex(secondRead));
    }

    @Test
    void pendingIncidentsAreChainedInTheOrderTheyWereLoggedAtEnrolment() throws Exception {
        String first = app.journal.save(ServiceFixture.incident("avant 1"));
        String second = app.journal.save(ServiceFixture.incident("avant 2"));

        app.enrol(agency);
        String third = app.journal.save(ServiceFixture.incident("après"));

        List<String> order = app.journal.unacknowledged().stream()
                .map(o -> agency.open(o.sealed()).report().reportId()).toList();
        assertEquals(List.of(first, second, third), order);
        assertEquals(List.of(third, second, first), app.journal.list().stream().map(JournalEntry::reportId).toList());
        assertEquals(List.of(IncidentState.READY, IncidentState.READY, IncidentState.READY),
                app.journal.list().stream().map(JournalEntry::state).toList());
    }

    @Test
    void nothingCanBeSavedWhileLocked() {
        app.vault.lock();

        assertThrows(VaultLockedException.class, () -> app.journal.save(ServiceFixture.incident("x")));
    }
}
