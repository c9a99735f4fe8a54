package io.cxloop.rules.triage;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.triage.internal.TriageCollector;
import java.util.Set;

/** The {@code triage} rule set as a versioned artefact: its name, fact model and built-in parts. */
public final class TriageRuleSet {

    public static final String NAME = "triage";

    /** The built-in decision table, as a classpath resource. */
    public static final String BUILT_IN_XLSX = "io/cxloop/rules/triage/triage.xlsx";

    /** The scenario tests of the built-in table (JSON, a list of {@link TriageScenario}). */
    public static final String BUILT_IN_SCENARIOS = "io/cxloop/rules/triage/triage.scenarios.json";

    /** The class of the global {@code decision} every triage rule set declares. */
    public static final String COLLECTOR_CLASS = TriageCollector.class.getName();

    /**
     * What uploaded triage rules may use: the request and its values, the decision's parts and the collector, dates and
     * times, basic collections.
     */
    public static final FactModel FACT_MODEL = new FactModel(
            "io.cxloop.rules.triage",
            Set.of(
                    TriageCollector.class.getName(),
                    TriageCollector.Proposal.class.getName(),
                    NpsClass.class.getName(),
                    Topic.class.getName()),
            Set.of("io.cxloop.rules.triage", "io.cxloop.rules.model"));

    private TriageRuleSet() {}
}
