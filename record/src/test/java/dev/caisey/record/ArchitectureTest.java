package dev.caisey.record;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the record module what DESIGN.md says it is: the contract, with no knowledge of UI, storage or transport. */
class ArchitectureTest {
    private static final JavaClasses RECORD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.caisey.record");

    @Test
    void knowsNothingOfUiStorageTransportOrPdf() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta.websocket..",
                        "org.glassfish..",
                        "okhttp3..",
                        "com.itextpdf..",
                        "org.h2..",
                        "java.net.http..",
                        "java.awt..",
                        "javax.swing..")
                .because("record is the contract every other module and third parties verify against (DESIGN.md)")
                .check(RECORD);
    }

    @Test
    void eventsStandOnTheirOwn() {
        noClasses()
                .that()
                .resideInAPackage("..record.event..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..record.json..",
                        "..record.chain..",
                        "..record.export..",
                        "..record.verify..",
                        "..record.protocol..")
                .because("the event catalog is plain data; encoding, hashing and transport build on it")
                .check(RECORD);
    }

    @Test
    void canonicalJsonKnowsNothingOfChainsExportsOrTheProtocol() {
        noClasses()
                .that()
                .resideInAPackage("..record.json..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..record.chain..", "..record.export..", "..record.verify..", "..record.protocol..")
                .because("hashing and signing use canonical JSON, not the other way round")
                .check(RECORD);
    }

    @Test
    void theChainKnowsNothingOfExportsVerificationOrTheProtocol() {
        noClasses()
                .that()
                .resideInAPackage("..record.chain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..record.export..", "..record.verify..", "..record.protocol..")
                .because("the hash chain is the base the export and the verifier stand on")
                .check(RECORD);
    }

    @Test
    void onlyTheVerifierCommandUsesPicocli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..record.verify..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("picocli..")
                .because("the library is used by servers and clients that have no command line")
                .check(RECORD);
    }

    @Test
    void theWireProtocolDoesNotDependOnTheVerifierOrTheExport() {
        noClasses()
                .that()
                .resideInAPackage("..record.protocol..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..record.verify..", "..record.export..")
                .because("live messages carry events and checkpoints, never whole exports")
                .check(RECORD);
    }
}
