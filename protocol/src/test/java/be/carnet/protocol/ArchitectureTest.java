package be.carnet.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The protocol is the contract: it knows no app, no web and no database, and its packages form no cycle. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importTheProtocol() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("be.carnet.protocol");
    }

    @Test
    void importsNoAppOfOurs() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("be.carnet.client..", "be.carnet.server..",
                "be.carnet.content..", "be.carnet.packaging..", "be.carnet.i18n..").check(classes);
    }

    @Test
    void knowsNoWebAndNoDatabase() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..",
                "org.eclipse.jetty..", "java.sql..", "gg.jte..").check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("be.carnet.protocol.(*)..").should().beFreeOfCycles().check(classes);
    }
}
