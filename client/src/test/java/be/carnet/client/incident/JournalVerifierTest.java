package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.ServiceFixture;
import be.carnet.client.TravellerApp;
import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.incident.JournalVerification.BrokenEntry;
import be.carnet.client.agency.FakeAgency;
import be.carnet.client.vault.VaultKey;
import be.carnet.protocol.Hashes;
import be.carnet.protocol.json.CanonicalJson;
import be.carnet.protocol.report.Receipt;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.report.SealedReport;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.SignedEnvelope;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "verify journal" check against a journal edited behind the app's back: through a second SQLite
 * connection to the same file (as the {@code sqlite3} tool would), and by someone holding the vault key.
 */
class JournalVerifierTest {

    private static final int ENTRIES = 5;

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
    void anEmptyJournalIsIntact() {
        JournalVerification verification = app.journal.verify();

        assertEquals("intact (0 entries)", verification.describe());
    }

    @Test
    void anUntouchedJournalIsIntactWithEveryEntryCounted() throws Exception {
        savedEnrolled();

        JournalVerification verification = app.journal.verify();

        assertTrue(verification.intact());
        assertEquals(ENTRIES, verification.entries());
        assertEquals("intact (5 entries)", verification.describe());
    }

    @Test
    void incidentsChainedAtEnrolmentVerifyLikeTheOthers() throws Exception {
        app.journal.save(ServiceFixture.incident("avant 1"));
        app.journal.save(ServiceFixture.incident("avant 2"));
        assertEquals("intact (0 entries)", app.journal.verify().describe());

        app.enrol(agency);
        app.journal.save(ServiceFixture.incident("après"));

        assertEquals("intact (3 entries)", app.journal.verify().describe());
    }

    /** Edits made with a plain SQL connection to the database file; each names the entry it breaks. */
    static Stream<Arguments> directEdits() {
        return Stream.of(
                Arguments.of("a flipped byte in entry 3's signed report", (Edit) db -> flipByte(db, 3, "signed_sealed"),
                        3, JournalProblem.UNREADABLE, 3, 0),
                Arguments.of("a flipped byte in entry 3's fields", (Edit) db -> flipByte(db, 3, "fields_sealed"),
                        3, JournalProblem.UNREADABLE, 3, 0),
                Arguments.of("a flipped byte in entry 4's sealed report", (Edit) db -> flipByte(db, 4, "report_sealed"),
                        4, JournalProblem.UNREADABLE, 4, 0),
                Arguments.of("entry 1's signed report cut short", (Edit) db -> truncate(db, 1, "signed_sealed"),
                        1, JournalProblem.UNREADABLE, 1, 0),
                Arguments.of("the signed reports of entries 2 and 4 swapped",
                        (Edit) db -> swapColumn(db, 2, 4, "signed_sealed"), 2, JournalProblem.UNREADABLE, 2, 0),
                Arguments.of("the fields of entries 3 and 5 swapped",
                        (Edit) db -> swapColumn(db, 3, 5, "fields_sealed"), 3, JournalProblem.UNREADABLE, 3, 0),
                Arguments.of("entry 3 deleted", (Edit) db -> execute(db, "DELETE FROM incidents WHERE id = 3"),
                        3, JournalProblem.MISSING, 4, 0),
                Arguments.of("entry 1 deleted", (Edit) db -> execute(db, "DELETE FROM incidents WHERE id = 1"),
                        1, JournalProblem.MISSING, 2, 0),
                Arguments.of("entry 3 renumbered 99 in clear",
                        (Edit) db -> execute(db, "UPDATE incidents SET sequence = 99 WHERE id = 3"),
                        3, JournalProblem.SEQUENCE, 99, 3),
                Arguments.of("the last entry renumbered 0 in clear",
                        (Edit) db -> execute(db, "UPDATE incidents SET sequence = 0 WHERE id = 5"),
                        5, JournalProblem.SEQUENCE, 0, 5),
                Arguments.of("entries 3 and 4 swapped in clear (reordered)", (Edit) db -> {
                    execute(db, "UPDATE incidents SET sequence = -1 WHERE id = 3");
                    execute(db, "UPDATE incidents SET sequence = 3 WHERE id = 4");
                    execute(db, "UPDATE incidents SET sequence = 4 WHERE id = 3");
                }, 3, JournalProblem.SEQUENCE, 3, 4),
                Arguments.of("the report ids of entries 2 and 3 swapped", (Edit) db -> {
                    byte[] second = column(db, 2, "report_id");
                    byte[] third = column(db, 3, "report_id");
                    execute(db, "UPDATE incidents SET report_id = 'moving' WHERE id = 2");
                    setText(db, 3, "report_id", second);
                    setText(db, 2, "report_id", third);
                }, 2, JournalProblem.FOREIGN, 2, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directEdits")
    void namesTheFirstEntryBrokenByADirectEditOfTheDatabase(String edit, Edit change, long position,
                                                           JournalProblem problem, long storedAs, long signedAs)
            throws Exception {
        savedEnrolled();

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(TravellerApp.DATABASE_FILE))) {
            change.apply(db);
        }
        JournalVerification verification = app.journal.verify();

        BrokenEntry broken = verification.firstBreak();
        assertEquals(problem, broken.problem(), verification.describe());
        assertEquals(position, broken.position(), verification.describe());
        assertEquals(storedAs, broken.storedAs(), verification.describe());
        assertEquals(signedAs, broken.signedAs(), verification.describe());
        assertEquals(position - 1, verification.entries());
    }

    @Test
    void describesAnUnreadableEntryByItsCellAndNoContent() throws Exception {
        savedEnrolled();

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(TravellerApp.DATABASE_FILE))) {
            flipByte(db, 3, "signed_sealed");
        }

        assertEquals("entry 3 broken (unreadable): the value stored at incidents|3|signed_sealed does not decrypt:"
                + " it was altered or does not belong there", app.journal.verify().describe());
    }

    @Test
    void aReportRewrittenWithTheVaultKeyButNotTheDeviceKeyFailsItsSignature() throws Exception {
        savedEnrolled();
        VaultKey key = app.vault.key();
        byte[] signed = read(key, 2, "signed_sealed");

        JsonObject envelope = CanonicalJson.parse(signed);
        JsonObject payload = CanonicalJson.parse(Base64.getDecoder().decode(envelope.get("payload").getAsString()));
        payload.getAsJsonObject("incident").addProperty("description", "rien à signaler");
        envelope.addProperty("payload", Base64.getEncoder().encodeToString(CanonicalJson.toBytes(payload)));
        write(key, 2, "signed_sealed", CanonicalJson.toBytes(envelope));
        JournalVerification verification = app.journal.verify();

        assertEquals(JournalProblem.SIGNATURE, verification.firstBreak().problem(), verification.describe());
        assertEquals(2, verification.firstBreak().position());
        assertEquals(1, verification.entries());
    }

    @Test
    void aReportReSignedWithTheDeviceKeyButAnotherPreviousHashBreaksTheLink() throws Exception {
        Enrolment enrolment = savedEnrolled();
        VaultKey key = app.vault.key();
        Report original = Report.fromJson(SignedEnvelope.open(read(key, 4, "signed_sealed"),
                enrolment.deviceKey().publicKey(), Report.TYPE, SealedReport.MAX_SEALED_BYTES).payload());

        Report rewritten = new Report(original.reportId(), original.missionId(), original.deviceKeyId(),
                original.agencyKeyId(), original.sequence(), Hashes.sha256Hex("another past".getBytes(UTF_8)),
                original.createdAt(), original.incident());
        write(key, 4, "signed_sealed", SealedReport.sign(rewritten, enrolment.deviceKey()));
        JournalVerification verification = app.journal.verify();

        assertEquals(JournalProblem.LINK, verification.firstBreak().problem(), verification.describe());
        assertEquals(4, verification.firstBreak().position());
        assertEquals(4, verification.firstBreak().signedAs());
    }

    @Test
    void aReceiptSignedByAnotherKeyIsNamed() throws Exception {
        Enrolment enrolment = savedEnrolled();
        String reportId = app.journal.unacknowledged().get(1).reportId();
        byte[] sealed = app.journal.unacknowledged().get(1).sealed();

        Receipt receipt = new Receipt(reportId, enrolment.missionId(), enrolment.deviceKey().publicKey().keyId(),
                Hashes.sha256Hex(sealed), app.clock.instant(), 1, "otherkey");
        app.journal.acknowledge(reportId, receipt.sign(Ed25519KeyPair.generate()));
        JournalVerification verification = app.journal.verify();

        assertEquals(JournalProblem.RECEIPT, verification.firstBreak().problem(), verification.describe());
        assertEquals(2, verification.firstBreak().position());
    }

    @Test
    void aDamagedIncidentWaitingForEnrolmentIsNamed() throws Exception {
        String reportId = app.journal.save(ServiceFixture.incident("avant"));

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(TravellerApp.DATABASE_FILE))) {
            flipByte(db, 1, "fields_sealed");
        }
        BrokenEntry broken = app.journal.verify().firstBreak();

        assertEquals(JournalProblem.PENDING_UNREADABLE, broken.problem());
        assertEquals(reportId, broken.reportId());
    }

    @Test
    void chainedEntriesWithoutTheEnrolmentThatSignedThemAreNamed() throws Exception {
        savedEnrolled();

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(TravellerApp.DATABASE_FILE))) {
            execute(db, "DELETE FROM secrets WHERE name = 'enrolment'");
        }
        BrokenEntry broken = app.journal.verify().firstBreak();

        assertEquals(JournalProblem.NO_ENROLMENT, broken.problem());
        assertEquals(1, broken.position());
    }

    @Test
    void verifyingChangesNothing() throws Exception {
        savedEnrolled();
        List<String> before = app.journal.list().stream().map(e -> e.reportId() + e.state()).toList();

        app.journal.verify();

        assertEquals(before, app.journal.list().stream().map(e -> e.reportId() + e.state()).toList());
        assertNull(app.journal.verify().firstBreak());
    }

    private Enrolment savedEnrolled() throws Exception {
        Enrolment enrolment = app.enrol(agency);
        for (int i = 1; i <= ENTRIES; i++) {
            app.journal.save(ServiceFixture.incident("incident " + i));
        }
        return enrolment;
    }

    private byte[] read(VaultKey key, long id, String column) {
        return app.database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + column + " FROM incidents WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return key.open(rows.getBytes(1), Journal.cell(id, column));
                }
            }
        });
    }

    private void write(VaultKey key, long id, String column, byte[] plaintext) {
        app.database.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE incidents SET " + column + " = ? WHERE id = ?")) {
                update.setBytes(1, key.seal(plaintext, Journal.cell(id, column)));
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    interface Edit {
        void apply(Connection db) throws SQLException;
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static byte[] column(Connection db, long id, String column) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT " + column + " FROM incidents WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBytes(1);
            }
        }
    }

    private static void setColumn(Connection db, long id, String column, byte[] value) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE incidents SET " + column + " = ? WHERE id = ?")) {
            update.setBytes(1, value);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private static void setText(Connection db, long id, String column, byte[] value) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE incidents SET " + column + " = ? WHERE id = ?")) {
            update.setString(1, new String(value, UTF_8));
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private static void flipByte(Connection db, long id, String column) throws SQLException {
        byte[] value = column(db, id, column);
        value[value.length / 2] ^= 0x01;
        setColumn(db, id, column, value);
    }

    private static void truncate(Connection db, long id, String column) throws SQLException {
        byte[] value = column(db, id, column);
        setColumn(db, id, column, java.util.Arrays.copyOf(value, value.length - 1));
    }

    private static void swapColumn(Connection db, long a, long b, String column) throws SQLException {
        byte[] first = column(db, a, column);
        byte[] second = column(db, b, column);
        setColumn(db, a, column, second);
        setColumn(db, b, column, first);
    }
}
