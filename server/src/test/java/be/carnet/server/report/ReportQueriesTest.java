package be.carnet.server.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.carnet.protocol.Hashes;
import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.SealedReport;
import be.carnet.protocol.report.Severity;
import be.carnet.server.MutableClock;
import be.carnet.server.TestDevice;
import be.carnet.server.enrolment.EnrolmentService;
import be.carnet.server.intake.IntakeService;
import be.carnet.server.mission.Mission;
import be.carnet.server.mission.MissionService;
import be.carnet.server.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportQueriesTest {

    @TempDir
    Path data;
    Database database;
    AgencyKeys keys = AgencyKeys.generate();
    IntakeService intake;
    ReportQueries reports;
    Mission mission;
    TestDevice device = new TestDevice();

    @BeforeEach
    void open() {
        database = Database.open(data);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
        MissionService missions = new MissionService(database, clock);
        EnrolmentService enrolments = new EnrolmentService(database, missions, keys, clock);
        intake = new IntakeService(database, enrolments, keys, clock, 2);
        reports = new ReportQueries(database);
        mission = missions.create("admin", "Mission", "");
        enrolments.confirm(device.enrolConfirmation(enrolments.issueCode(mission.id(), "Delegate")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Sends {@code report} and returns its signed envelope. */
    private byte[] send(Report report) {
        byte[] envelope = device.sign(report);
        intake.receive(report.reportId(), SealedReport.seal(envelope, keys.report().recipient()));
        return envelope;
    }

    private ReportDetail.Chain chain(Report report) {
        return reports.find(mission.id(), report.reportId()).orElseThrow().chain();
    }

    @Test
    void listsAMissionsReportsInLogOrderWithTheTravellersAlias() {
        Report first = device.entry(mission.id(), keys.signing().publicKey().keyId(), 1, Report.FIRST_PREVIOUS_HASH);
        send(first);

        List<ReportSummary> list = reports.list(mission.id());

        assertEquals(List.of(new ReportSummary(first.reportId(), "Delegate", Category.T04, Severity.S1,
                Instant.parse("2026-11-28T09:00:00Z"), 1, false, 0)), list);
    }

    @Test
    void aJournalChainIsLinkedWhenEachEntryNamesTheHashOfThePreviousEnvelope() {
        String agency = keys.signing().publicKey().keyId();
        Report first = device.entry(mission.id(), agency, 1, Report.FIRST_PREVIOUS_HASH);
        byte[] firstEnvelope = send(first);
        Report second = device.entry(mission.id(), agency, 2, Hashes.sha256Hex(firstEnvelope));

        send(second);

        assertEquals(ReportDetail.Chain.FIRST, chain(first));
        assertEquals(ReportDetail.Chain.LINKED, chain(second));
    }

    @Test
    void aMissingPreviousEntryIsAGapAndAWrongHashIsBroken() {
        String agency = keys.signing().publicKey().keyId();
        Report first = device.entry(mission.id(), agency, 1, Report.FIRST_PREVIOUS_HASH);
        send(first);
        Report rewritten = device.entry(mission.id(), agency, 2, "ab".repeat(32));
        Report afterGap = device.entry(mission.id(), agency, 5, "cd".repeat(32));
        Report badFirst = device.entry(mission.id(), agency, 1, "ef".repeat(32));

        send(rewritten);
        send(afterGap);
        send(badFirst);

        assertEquals(ReportDetail.Chain.BROKEN, chain(rewritten));
        assertEquals(ReportDetail.Chain.GAP, chain(afterGap));
        assertEquals(ReportDetail.Chain.BROKEN, chain(badFirst));
    }

    @Test
    void aReportIsFoundOnlyUnderItsOwnMission() {
        Report first = device.entry(mission.id(), keys.signing().publicKey().keyId(), 1, Report.FIRST_PREVIOUS_HASH);
        send(first);

        assertEquals(Optional.empty(), reports.find("another-mission", first.reportId()));
    }
}
