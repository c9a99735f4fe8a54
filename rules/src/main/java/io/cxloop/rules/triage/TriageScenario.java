package io.cxloop.rules.triage;

import io.cxloop.rules.lifecycle.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario test of a triage rule set: given this feedback, the triage must be this. Stored as JSON with every version
 * of the rule set; an upload must pass them before it can be activated.
 *
 * @param given the facts of the triage
 * @param expect what the triage must be
 */
public record TriageScenario(String name, TriageRequest given, Expectation expect) {

    public TriageScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(expect, "expect");
    }

    /**
     * The expected triage; a part left out (null) is not checked.
     *
     * @param decidingRule the name of the row that must decide
     */
    public record Expectation(
            TriageAction action, Severity severity, String team, Integer slaHours, String decidingRule) {}

    /** Runs this scenario on a rule set; a rule set that fails while deciding fails the scenario. */
    public ScenarioResult runOn(TriageEngine engine) {
        TriageDecision decision;
        try {
            decision = engine.triage(given);
        } catch (RuntimeException e) {
            return ScenarioResult.failed(name, List.of("the rule set failed: " + e.getMessage()));
        }
        List<String> failures = new ArrayList<>();
        check("action", expect.action(), decision.action(), failures);
        check("severity", expect.severity(), decision.severity(), failures);
        check("team", expect.team(), decision.team(), failures);
        check("SLA hours", expect.slaHours(), decision.slaHours(), failures);
        check("deciding row", expect.decidingRule(), decision.decidingRule(), failures);
        return failures.isEmpty() ? ScenarioResult.passed(name) : ScenarioResult.failed(name, failures);
    }

    private static void check(String what, Object expected, Object actual, List<String> failures) {
        if (expected != null && !expected.equals(actual)) {
            failures.add("expected " + what + " " + quoted(expected) + " but was " + quoted(actual));
        }
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
