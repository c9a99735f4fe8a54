package io.cxloop.processes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the module's dependencies pointing one way: processes know Camunda and rules, nothing above them. */
class ProcessesArchitectureTest {

    private static final JavaClasses PROCESSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cxloop.processes");

    @Test
    void processesKnowNoSpringCamelConnectorsOrEngine() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.apache.camel..", "io.cxloop.connectors..", "io.cxloop.engine..")
                .check(PROCESSES);
    }

    @Test
    void internalsStayInsideTheirFeature() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.cxloop.processes.reconnect..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cxloop.processes.reconnect.internal..")
                .check(PROCESSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("io.cxloop.processes.feedback..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cxloop.processes.feedback.internal..")
                .check(PROCESSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("io.cxloop.processes.safety..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cxloop.processes.safety.internal..")
                .check(PROCESSES);
    }
}
