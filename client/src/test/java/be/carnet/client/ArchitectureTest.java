package be.carnet.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traveller app's shape, pinned: features depend on shared infrastructure and on each other in one
 * direction only, and the composition root ({@link WebServer}, {@link TravellerApp}) sits above them.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importTheAppsClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("be.carnet.client");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("be.carnet.client.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featuresNeverImportTheCompositionRoot() {
        noClasses().that().resideInAPackage("be.carnet.client.*..")
                .should().dependOnClassesThat().resideInAPackage("be.carnet.client")
                .check(classes);
    }

    @Test
    void theWebPackageIsSharedInfrastructureThatKnowsNoFeature() {
        noClasses().that().resideInAPackage("be.carnet.client.web..")
                .should().dependOnClassesThat().resideInAnyPackage("be.carnet.client.agency..",
                        "be.carnet.client.briefing..", "be.carnet.client.enrolment..", "be.carnet.client.incident..",
                        "be.carnet.client.sync..", "be.carnet.client.vault..")
                .check(classes);
    }

    @Test
    void storageAndFormDependOnNothingOfTheApp() {
        noClasses().that().resideInAnyPackage("be.carnet.client.storage..", "be.carnet.client.form..",
                        "be.carnet.client.agency..")
                .should().dependOnClassesThat().resideInAnyPackage("be.carnet.client.briefing..",
                        "be.carnet.client.enrolment..", "be.carnet.client.incident..", "be.carnet.client.sync..",
                        "be.carnet.client.vault..", "be.carnet.client.web..")
                .check(classes);
    }

    @Test
    void servicesAndStoresDoNotSpeakHttp() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .or().resideInAnyPackage("be.carnet.client.storage..", "be.carnet.client.form..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(classes);
    }
}
