package dev.caisey.installer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md over every module the installer ships: {@code record} ← {@code report} ←
 * ({@code server-lite}, {@code console-app}); {@code agent} needs only {@code record}. Each module's classes live under
 * its own package: {@code dev.caisey.record}, {@code .report}, {@code .server}, {@code .agent}, {@code .console}. Maven
 * already refuses a dependency a module's pom does not declare; these rules stop the poms from declaring one that
 * points the wrong way.
 */
class ModuleDependenciesTest {
    private static final JavaClasses CAISEY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.caisey");

    @Test
    void seesTheClassesOfEveryShippedModule() {
        assertThat(CAISEY.contain("dev.caisey.record.event.Event")).isTrue();
        assertThat(CAISEY.contain("dev.caisey.console.client.ConsoleClient")).isTrue();
    }

    @Test
    void theConsoleNeedsOnlyRecordAndReport() {
        noClasses()
                .that()
                .resideInAPackage("dev.caisey.console..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.caisey.server..", "dev.caisey.agent..", "dev.caisey.bench..")
                .because("the console speaks to the server only through the wire protocol in record")
                .check(CAISEY);
    }

    @Test
    void theConsolesPomUsesServerAndAgentOnlyInTests() throws Exception {
        var pom = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(java.nio.file.Path.of("..", "console-app", "pom.xml").toFile());
        var dependencies = pom.getElementsByTagName("dependency");
        java.util.List<String> mainScope = new java.util.ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            var dependency = (org.w3c.dom.Element) dependencies.item(i);
            String artifact =
                    dependency.getElementsByTagName("artifactId").item(0).getTextContent();
            var scope = dependency.getElementsByTagName("scope");
            if (scope.getLength() == 0 || !scope.item(0).getTextContent().equals("test")) {
                mainScope.add(artifact);
            }
        }
        assertThat(mainScope)
                .as("the console's main dependencies")
                .contains("caisey-record", "caisey-report")
                .doesNotContain("caisey-server-lite", "caisey-agent", "caisey-bench");
    }

    @Test
    void recordDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.caisey.record..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.caisey.report..", "dev.caisey.server..", "dev.caisey.agent..", "dev.caisey.console..")
                .because("record is the contract every module and every third-party verifier builds on")
                .allowEmptyShould(true)
                .check(CAISEY);
    }

    @Test
    void reportDependsOnlyOnRecord() {
        noClasses()
                .that()
                .resideInAPackage("dev.caisey.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.caisey.server..", "dev.caisey.agent..", "dev.caisey.console..")
                .because("the server and the console both render records with report")
                .allowEmptyShould(true)
                .check(CAISEY);
    }

    @Test
    void theAgentNeedsOnlyRecord() {
        noClasses()
                .that()
                .resideInAPackage("dev.caisey.agent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.caisey.report..", "dev.caisey.server..", "dev.caisey.console..")
                .because("the agent runs on every endpoint and must stay small")
                .allowEmptyShould(true)
                .check(CAISEY);
    }

    @Test
    void serverAndConsoleDoNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.caisey.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.caisey.console..", "dev.caisey.agent..")
                .because("they speak only through the wire protocol in record")
                .allowEmptyShould(true)
                .check(CAISEY);
        noClasses()
                .that()
                .resideInAPackage("dev.caisey.console..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.caisey.server..", "dev.caisey.agent..")
                .because("they speak only through the wire protocol in record")
                .allowEmptyShould(true)
                .check(CAISEY);
    }
}
