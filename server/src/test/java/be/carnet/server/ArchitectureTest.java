package be.carnet.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agency server's shape, pinned: feature packages without cycles, shared web infrastructure that
 * knows no feature, and the composition root ({@link WebServer}, {@link AgencyServer}) above them all.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importTheServersClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("be.carnet.server");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("be.carnet.server.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featuresNeverImportTheCompositionRoot() {
        noClasses().that().resideInAPackage("be.carnet.server.*..")
                .should().dependOnClassesThat().resideInAPackage("be.carnet.server")
                .check(classes);
    }

    @Test
    void theWebPackageIsSharedInfrastructureThatKnowsNoFeature() {
        noClasses().that().resideInAnyPackage("be.carnet.server.web..", "be.carnet.server.storage..",
                        "be.carnet.server.form..")
                .should().dependOnClassesThat().resideInAnyPackage("be.carnet.server.bundle..",
                        "be.carnet.server.enrolment..", "be.carnet.server.intake..", "be.carnet.server.mission..",
                        "be.carnet.server.overview..", "be.carnet.server.report..", "be.carnet.server.staff..")
                .check(classes);
    }

    @Test
    void servicesAndStorageDoNotSpeakHttp() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .or().resideInAnyPackage("be.carnet.server.storage..", "be.carnet.server.form..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(classes);
    }
}
