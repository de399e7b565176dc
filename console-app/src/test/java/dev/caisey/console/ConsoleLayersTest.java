package dev.caisey.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The console's layers: the client core knows nothing of JavaFX (the command line runs on it without a toolkit), and a
 * ViewModel holds state and commands but never a node nor a view (the core's {@code CommandView} is a value, not a
 * view), so it stays testable without a toolkit and never knows its view.
 */
class ConsoleLayersTest {
    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.caisey.console");

    @Test
    void theClientCoreAndTheCommandLineDoNotUseJavaFx() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.caisey.console.client..",
                        "dev.caisey.console.connection..",
                        "dev.caisey.console.session..",
                        "dev.caisey.console.trust..",
                        "dev.caisey.console.config..",
                        "dev.caisey.console.http..",
                        "dev.caisey.console.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
                .because("the caisey command line runs on the same core on machines without a display")
                .check(CONSOLE);
    }

    @Test
    void viewModelsNeverTouchNodesNorTheirViews() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "atlantafx..", "org.controlsfx..")
                .orShould()
                .dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("View")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("dev.caisey.console.session..")))
                .because("a ViewModel is state and commands, tested as plain JUnit without a toolkit")
                .check(CONSOLE);
    }

    @Test
    void onlyTheCompositionRootMakesTheBackgroundThatTalksToTheFxThread() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.caisey.console.app..", "dev.caisey.console.fx..")
                .should()
                .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("work comes back to the UI thread through the one injected Background")
                .check(CONSOLE);
    }
}
