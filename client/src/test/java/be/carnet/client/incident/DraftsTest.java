package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.client.storage.StorageException;
import be.carnet.client.agency.FakeAgency;
import be.carnet.client.vault.CellTamperedException;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts: editable and sealed, then ready (immutable, chained, with their files), addenda and deletions. */
class DraftsTest {

    private static final byte[] PHOTO = "pas vraiment une photo, mais des octets".getBytes(UTF_8);

    @TempDir
    Path dir;

    private ServiceFixture app;
    private FakeAgency agency;
    private Drafts drafts;

    @BeforeEach
    void start() throws Exception {
        app = ServiceFixture.created(dir);
        agency = new FakeAgency(app.clock);
        drafts = new Drafts(app.database, app.vault, app.journal, app.clock);
    }

    @AfterEach
    void stop() {
        agency.close();
        app.close();
    }

    private static Incident quick(String line) {
        return new Incident(Category.T02, Severity.S2, Tlp.AMBER, "2026-11-27T22:15+08:00", "", line);
    }

    private static Incident completed(String line) {
        return new Incident(Category.T02, Severity.S2, Tlp.AMBER, "2026-11-27T22:15+08:00", true, "Hôtel, Shanghai",
                "Portable de mission", line, "Mis sous enveloppe.", false, 45, "", "", List.of());
    }

    @Test
    void aDraftIsEditableAndStaysOutOfTheJournal() {
        String draftId = drafts.create(quick("ordinateur déplacé"), "Asia/Shanghai");

        drafts.update(draftId, completed("ordinateur déplacé dans la chambre"), "Asia/Shanghai");

        Draft draft = drafts.get(draftId).orElseThrow();
        assertEquals("ordinateur déplacé dans la chambre", draft.fields().incident().description());
        assertEquals(45, draft.fields().incident().outOfSightMinutes());
        assertEquals("Asia/Shanghai", draft.fields().zone());
        assertTrue(app.journal.list().isEmpty());
    }

    @Test
    void nothingOfADraftIsInClearInTheDatabase() throws Exception {
        String draftId = drafts.create(quick("marqueur-brouillon-en-clair"), "Europe/Brussels");
        drafts.attach(draftId, new Attachment("capture.png", "image/png", "marqueur-fichier-en-clair".getBytes(UTF_8)));
        app.close();

        for (Path file : Files.list(dir).toList()) {
            String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("marqueur-brouillon-en-clair"), file.toString());
            assertFalse(bytes.contains("marqueur-fichier-en-clair"), file.toString());
            assertFalse(bytes.contains("capture.png"), file.toString());
        }
        app = ServiceFixture.reopened(dir);
    }

    @Test
    void markingReadyChainsTheDraftWithItsFilesAndRemovesIt() throws Exception {
        app.enrol(agency);
        String draftId = drafts.create(completed("valise ouverte"), "Asia/Shanghai");
        drafts.attach(draftId, new Attachment("valise.jpg", "image/jpeg", PHOTO));

        String reportId = drafts.markReady(draftId);

        assertTrue(drafts.get(draftId).isEmpty());
        JournalEntry entry = app.journal.entry(reportId).orElseThrow();
        assertEquals(IncidentState.READY, entry.state());
        assertEquals(1, entry.sequence());
        assertEquals("valise.jpg", entry.attachments().get(0).name());
        Report sent = agency.open(app.journal.unacknowledged().get(0).sealed()).report();
        assertEquals("valise ouverte", sent.incident().description());
        assertArrayEquals(PHOTO, sent.incident().attachments().get(0).data());
        assertEquals(45, sent.incident().outOfSightMinutes());
        assertTrue(app.journal.verify().intact());
    }

    @Test
    void aDraftMadeReadyBeforeEnrolmentKeepsItsFileAndIsSignedAtEnrolment() throws Exception {
        String draftId = drafts.create(completed("avant l'enrôlement"), "Asia/Shanghai");
        drafts.attach(draftId, new Attachment("note.txt", "text/plain", PHOTO));
        String reportId = drafts.markReady(draftId);
        assertEquals(IncidentState.PENDING, app.journal.entry(reportId).orElseThrow().state());

        app.enrol(agency);

        Report sent = agency.open(app.journal.unacknowledged().get(0).sealed()).report();
        assertEquals(reportId, sent.reportId());
        assertArrayEquals(PHOTO, sent.incident().attachments().get(0).data());
    }

    @Test
    void attachmentLimitsRefuseAndStoreNothing() {
        String draftId = drafts.create(quick("beaucoup de fichiers"), "Europe/Brussels");
        for (int i = 0; i < Attachment.MAX_COUNT; i++) {
            drafts.attach(draftId, new Attachment("f" + i + ".bin", Attachment.UNKNOWN_TYPE, new byte[10]));
        }

        AttachmentRefusedException count = assertThrows(AttachmentRefusedException.class, () ->
                drafts.attach(draftId, new Attachment("trop.bin", Attachment.UNKNOWN_TYPE, new byte[10])));

        assertEquals("attachmentCount", count.rule());
        assertEquals(Attachment.MAX_COUNT, drafts.get(draftId).orElseThrow().fields().attachments().size());
        assertEquals(Attachment.MAX_COUNT, attachmentRows());
    }

    @Test
    void theTotalSizeLimitRefusesTheFileThatWouldPassIt() {
        String draftId = drafts.create(quick("gros fichiers"), "Europe/Brussels");
        drafts.attach(draftId, new Attachment("a.bin", Attachment.UNKNOWN_TYPE, new byte[Attachment.MAX_BYTES]));
        drafts.attach(draftId, new Attachment("b.bin", Attachment.UNKNOWN_TYPE, new byte[Attachment.MAX_BYTES]));

        AttachmentRefusedException total = assertThrows(AttachmentRefusedException.class, () ->
                drafts.attach(draftId, new Attachment("c.bin", Attachment.UNKNOWN_TYPE, new byte[1])));

        assertEquals("attachmentTotal", total.rule());
        assertEquals(2, attachmentRows());
    }

    @Test
    void detachingAndDeletingRemoveTheSealedFiles() {
        String draftId = drafts.create(quick("à supprimer"), "Europe/Brussels");
        drafts.attach(draftId, new Attachment("a.txt", "text/plain", PHOTO));
        drafts.attach(draftId, new Attachment("b.txt", "text/plain", PHOTO));

        drafts.detach(draftId, 0);
        assertEquals("b.txt", drafts.get(draftId).orElseThrow().fields().attachments().get(0).name());
        assertEquals(1, attachmentRows());
        drafts.delete(draftId);

        assertTrue(drafts.get(draftId).isEmpty());
        assertEquals(0, attachmentRows());
    }

    @Test
    void anAttachmentHandedToAnotherOwnerInTheDatabaseIsCaughtAndNothingBecomesReady() throws Exception {
        String victim = drafts.create(quick("victime"), "Europe/Brussels");
        drafts.attach(victim, new Attachment("vrai.txt", "text/plain", PHOTO));
        long row = drafts.get(victim).orElseThrow().fields().attachments().get(0).rowId();
        sql("UPDATE attachments SET owner = 'someone-else' WHERE id = " + row);

        StorageException e = assertThrows(StorageException.class, () -> drafts.markReady(victim));

        assertEquals("attachment row " + row + " is missing or belongs to another entry", e.getMessage());
        assertTrue(drafts.get(victim).isPresent());
        assertTrue(app.journal.list().isEmpty());
    }

    @Test
    void attachmentBytesSwappedBetweenRowsAreCaughtAndNothingBecomesReady() throws Exception {
        String victim = drafts.create(quick("victime"), "Europe/Brussels");
        drafts.attach(victim, new Attachment("vrai.txt", "text/plain", PHOTO));
        drafts.attach(victim, new Attachment("autre.txt", "text/plain", "autre contenu".getBytes(UTF_8)));
        List<AttachmentInfo> infos = drafts.get(victim).orElseThrow().fields().attachments();
        sql("UPDATE attachments SET data_sealed = (SELECT data_sealed FROM attachments WHERE id = " + infos.get(1).rowId()
                + ") WHERE id = " + infos.get(0).rowId());

        assertThrows(CellTamperedException.class, () -> drafts.markReady(victim));

        assertTrue(drafts.get(victim).isPresent());
        assertTrue(app.journal.list().isEmpty());
    }

    @Test
    void anAddendumRefersToTheEntryWhichNeverChanges() throws Exception {
        app.enrol(agency);
        String original = app.journal.save(completed("première version"));

        String draftId = drafts.addendum(original);
        Draft draft = drafts.get(draftId).orElseThrow();
        assertEquals(original, draft.fields().incident().amends());
        assertEquals("", draft.fields().incident().description());
        drafts.update(draftId, new Incident(Category.T02, Severity.S3, Tlp.AMBER, "2026-11-27T22:15+08:00", false,
                "Hôtel", "", "En fait, deux heures hors de vue.", "", false, 120, "", original, List.of()),
                "Asia/Shanghai");
        String addendum = drafts.markReady(draftId);

        assertEquals("première version", app.journal.entry(original).orElseThrow().incident().description());
        assertEquals(List.of(addendum), app.journal.addendaOf(original).stream().map(JournalEntry::reportId).toList());
        assertTrue(app.journal.entry(addendum).orElseThrow().isAddendum());
        Report sent = agency.open(app.journal.unacknowledged().get(1).sealed()).report();
        assertEquals(original, sent.incident().amends());
        assertEquals(2, sent.sequence());
    }

    @Test
    void anAddendumToAnUnknownEntryIsRefused() {
        assertThrows(DraftNotFoundException.class, () -> drafts.addendum("00000000-0000-4000-8000-000000000000"));
        assertThrows(DraftNotFoundException.class, () -> drafts.addendum("../../etc/passwd"));
    }

    @Test
    void entriesRemovedFromTheEndAreCaughtThroughTheSealedHead() throws Exception {
        app.enrol(agency);
        app.journal.save(completed("un"));
        app.journal.save(completed("deux"));
        app.journal.save(completed("trois"));
        assertTrue(app.journal.verify().intact());

        sql("DELETE FROM incidents WHERE sequence = 3");

        JournalVerification verification = app.journal.verify();
        assertFalse(verification.intact());
        assertEquals(JournalProblem.MISSING, verification.firstBreak().problem());
        assertEquals(3, verification.firstBreak().position());
    }

    @Test
    void aDraftCanBeDeletedOnlyWithItsOwnFiles() throws Exception {
        app.enrol(agency);
        String draftId = drafts.create(completed("à garder"), "Europe/Brussels");
        drafts.attach(draftId, new Attachment("garder.txt", "text/plain", PHOTO));
        String reportId = drafts.markReady(draftId);

        drafts.delete(reportId);
        drafts.delete(draftId);

        assertEquals(1, attachmentRows());
        assertEquals(1, app.journal.entry(reportId).orElseThrow().attachments().size());
    }

    private int attachmentRows() {
        return app.database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM attachments");
                 ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vault.db"))) {
            c.createStatement().execute(statement);
        }
    }
}
