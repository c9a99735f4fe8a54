package io.cxloop.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way (DESIGN.md): engine → processes → rules, engine → connectors. */
@AnalyzeClasses(packages = "io.cxloop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rulesKnowNoFrameworks = noClasses()
            .that()
            .resideInAPackage("io.cxloop.rules..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.camunda..",
                    "org.apache.camel..",
                    "io.cxloop.processes..",
                    "io.cxloop.connectors..",
                    "io.cxloop.engine..");

    @ArchTest
    static final ArchRule processesKnowNeitherSpringNorChannels = noClasses()
            .that()
            .resideInAPackage("io.cxloop.processes..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.apache.camel..", "io.cxloop.connectors..", "io.cxloop.engine..");

    @ArchTest
    static final ArchRule connectorsKnowNoCamundaNorDrools = noClasses()
            .that()
            .resideInAPackage("io.cxloop.connectors..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.camunda..",
                    "org.drools..",
                    "org.kie..",
                    "io.cxloop.rules..",
                    "io.cxloop.processes..",
                    "io.cxloop.engine..");

    @ArchTest
    static final ArchRule engineUsesOnlyThePublicApiOfTheModules = noClasses()
            .that()
            .resideInAPackage("io.cxloop.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.cxloop.(rules|processes|connectors)..internal..");
}
