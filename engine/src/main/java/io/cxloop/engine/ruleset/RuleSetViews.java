package io.cxloop.engine.ruleset;

import io.cxloop.rules.lifecycle.ScenarioResult;
import java.time.Instant;
import java.util.List;

/** What the rule-set API answers. */
public final class RuleSetViews {

    private RuleSetViews() {}

    /**
     * The version that decides now.
     *
     * @param version null when the built-in version is active
     */
    public record Active(String ruleSet, Integer version, String label, Instant activatedAt, String activatedBy) {}

    /** One version in a list; {@code version} is null for the built-in one. */
    public record Summary(
            Integer version,
            String label,
            String format,
            String sourceName,
            String comment,
            Instant createdAt,
            String createdBy,
            boolean active) {}

    /** The outcome of running scenario tests on a version. */
    public record TestReport(String ruleSet, String label, boolean passed, List<ScenarioResult> results) {

        static TestReport of(String ruleSet, String label, List<ScenarioResult> results) {
            return new TestReport(ruleSet, label, results.stream().allMatch(ScenarioResult::passed), results);
        }
    }

    /** An accepted upload: stored, tested, not active yet. */
    public record Uploaded(String ruleSet, int version, String label, List<ScenarioResult> scenarioResults) {}
}
