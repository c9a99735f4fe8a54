package io.cxloop.rules.lifecycle;

import java.util.List;

/**
 * The outcome of one scenario test of a rule set (given facts → expected decision).
 *
 * @param failures what differed from the expectation; empty when the scenario passed
 */
public record ScenarioResult(String scenario, boolean passed, List<String> failures) {

    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public static ScenarioResult passed(String scenario) {
        return new ScenarioResult(scenario, true, List.of());
    }

    public static ScenarioResult failed(String scenario, List<String> failures) {
        return new ScenarioResult(scenario, false, failures);
    }
}
