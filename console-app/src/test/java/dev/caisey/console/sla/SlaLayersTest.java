package dev.caisey.console.sla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The SLA figures, their CSV, text and JSON are used by the {@code caisey sla} command on machines without a display,
 * so only the screen's own classes may know JavaFX.
 */
class SlaLayersTest {
    private static final JavaClasses SLA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.caisey.console.sla");

    @Test
    void theFiguresAndTheirRenderingsDoNotUseJavaFx() {
        noClasses()
                .that()
                .haveNameNotMatching(".*\\.Sla(View|ViewModel|Chart|Tables)(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
                .because("the caisey sla command prints the same figures on machines without a display")
                .check(SLA);
    }
}
