package be.carnet.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.briefing.BundleService;
import be.carnet.client.briefing.Checklist;
import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.enrolment.EnrolmentFailedException;
import be.carnet.client.enrolment.EnrolmentService;
import be.carnet.client.enrolment.ServerAddress;
import be.carnet.client.incident.Journal;
import be.carnet.client.storage.Database;
import be.carnet.client.agency.FakeAgency;
import be.carnet.client.sync.SyncService;
import be.carnet.client.vault.Vault;
import be.carnet.protocol.enrol.EnrolmentCode;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The client's services over a real SQLite file and real crypto, without the web server. */
public final class ServiceFixture implements AutoCloseable {

    public static final String PASSPHRASE = "correct horse battery staple";

    public final Path dir;
    public final MutableClock clock = new MutableClock(TestParts.START);
    public final TestParts.RecordedWaits waits = new TestParts.RecordedWaits();
    public final Database database;
    public final Vault vault;
    public final Journal journal;
    public final EnrolmentService enrolments;
    public final BundleService bundles;
    public final Checklist checklist;
    public final SyncService sync;

    private ServiceFixture(Path dir) {
        this.dir = dir;
        database = Database.open(dir.resolve(TravellerApp.DATABASE_FILE));
        vault = new Vault(dir.resolve(TravellerApp.KEY_FILE), TestParts.CHEAP_KDF, waits);
        journal = new Journal(database, vault, clock);
        var agencies = TestParts.httpAgencies(waits, clock);
        enrolments = new EnrolmentService(database, vault, agencies, journal, clock);
        bundles = new BundleService(database, vault, enrolments, agencies, clock);
        checklist = new Checklist(database, vault);
        sync = new SyncService(journal, enrolments, agencies);
    }

    public static java.time.Instant clockStart() {
        return TestParts.START;
    }

    /** Services over {@code dir}, with a new vault created and open. */
    public static ServiceFixture created(Path dir) {
        ServiceFixture fixture = new ServiceFixture(dir);
        fixture.vault.create(PASSPHRASE, PASSPHRASE);
        return fixture;
    }

    /** Services over an existing data directory (the vault locked). */
    public static ServiceFixture reopened(Path dir) {
        return new ServiceFixture(dir);
    }

    public Enrolment enrol(FakeAgency agency) throws EnrolmentFailedException {
        return enrolments.enrol(ServerAddress.parse(agency.address().toString()),
                EnrolmentCode.parse(agency.issueCode("Délégué 7")));
    }

    public static Incident incident(String description) {
        return new Incident(Category.T04, Severity.S2, Tlp.AMBER, "2026-12-03T14:30+08:00", "Hôtel, Shanghai",
                description);
    }

    /** A briefing file in the bundle format, with {@code marker} in its body. */
    public static String briefing(String id, String lang, String phase, String title, String marker) {
        return "---\n"
                + "id: " + id + "\n"
                + "lang: " + lang + "\n"
                + "title: " + title + "\n"
                + "summary: Résumé de " + id + ".\n"
                + "phase: " + phase + "\n"
                + "level: M/H\n"
                + "reviewed: 2026-11-28\n"
                + "sources:\n"
                + "  - VSSE | Sûreté de l’État | https://vsse.be/\n"
                + "---\n"
                + "\n"
                + "## Pourquoi\n"
                + "\n"
                + "Un paragraphe avec **gras**, *italique* et [un lien](https://cert.be/). " + marker + "\n"
                + "\n"
                + "- une puce a < b & \"guillemets\"\n"
                + "\n"
                + "> Un encadré.\n"
                + "\n"
                + "## Liste de contrôle\n"
                + "\n"
                + "- [ ] Faire une sauvegarde. {#backup}\n"
                + "- [ ] Mettre à jour. {#updates}\n";
    }

    /** Bundle files: pre-departure in fr and nl, on-site in fr only. */
    public static Map<String, byte[]> files(String marker) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("briefings/pre-departure/fr.md",
                briefing("pre-departure", "fr", "before", "Avant le départ", marker).getBytes(UTF_8));
        files.put("briefings/pre-departure/nl.md",
                briefing("pre-departure", "nl", "before", "Voor vertrek", marker).getBytes(UTF_8));
        files.put("briefings/on-site/fr.md",
                briefing("on-site", "fr", "during", "Sur place", marker).getBytes(UTF_8));
        return files;
    }

    @Override
    public void close() {
        vault.lock();
        database.close();
    }
}
