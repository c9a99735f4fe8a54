package io.cxloop.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The decision model is framework-free, and Drools and POI are details of the internal packages. */
@AnalyzeClasses(packages = "io.cxloop.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class RulesModuleArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoSpringCamundaOrCamel = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.camunda..", "org.apache.camel..");

    @ArchTest
    static final ArchRule publicApiDoesNotExposeDrools = noClasses()
            .that()
            .resideOutsideOfPackage("..internal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.kie..", "org.drools..", "org.apache.poi..");

    @ArchTest
    static final ArchRule feedbackAnalysisAndFactModelKnowNoDecisions = noClasses()
            .that()
            .resideInAnyPackage("io.cxloop.rules.feedback..", "io.cxloop.rules.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.cxloop.rules.triage..", "io.cxloop.rules.nba..");
}
