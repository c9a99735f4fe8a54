package io.cxloop.engine.ruleset;

import io.cxloop.rules.lifecycle.DecisionTables;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.lifecycle.ScenarioResult;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One kind of rule set that analysts version (e.g. {@code next-best-action}): how to build it from DRL, what its rules
 * may use, and how its scenario tests run. {@code E} is the compiled, thread-safe decision engine.
 */
public interface RuleSetKind<E> {

    /** The name in URLs and in version labels, e.g. {@code next-best-action}. */
    String name();

    FactModel factModel();

    /** The version that ships in the jar; active until an analyst activates another. */
    E builtIn();

    /** The DRL of the built-in version. */
    String builtInDrl();

    /** The scenario tests of the built-in version, as JSON. */
    String builtInScenarios();

    /** The label decisions record for an engine, e.g. {@code next-best-action@v3}. */
    String labelOf(E engine);

    /**
     * The DRL an uploaded decision table (XLSX) stands for.
     *
     * @throws io.cxloop.rules.lifecycle.RuleSetRejectedException with every problem of the table
     */
    default String decisionTableToDrl(String fileName, byte[] xlsx) {
        return DecisionTables.toDrl(fileName, xlsx);
    }

    /**
     * Compiles one DRL file (already checked by {@link io.cxloop.rules.lifecycle.RuleSetSafety}).
     *
     * @throws io.cxloop.rules.RuleSetCompilationException with the compiler's messages
     */
    E compile(String label, String resourcePath, String drl);

    /**
     * Checks that a freshly compiled upload compiles together with the active rule sets it is composed into (e.g. the
     * contact policy with the next-best-action and invitation rules). It compiles and runs no rules, so it is not held
     * to the upload's time limit.
     *
     * @throws io.cxloop.rules.RuleSetCompilationException with what does not compile
     */
    default void checkComposition(E engine) {}

    /**
     * Checks a freshly compiled upload by running its rules, where the kind needs more than its scenario tests (e.g. that
     * a triage table decides every case). Runs under the upload's time limit.
     *
     * @throws io.cxloop.rules.RuleSetCompilationException with what is wrong
     */
    default void verify(E engine) {}

    /**
     * The rule sets whose active version goes into this kind's engines (e.g. {@code next-best-action} is composed with
     * the active {@code contact-policy}). They are refreshed first, and activating one of them rebuilds this kind's
     * active engine.
     */
    default Set<String> dependsOn() {
        return Set.of();
    }

    /**
     * Whether an engine of this kind was built with the active versions of {@link #dependsOn()}; one that was not is
     * built anew before it decides again.
     */
    default boolean isCurrent(E engine) {
        return true;
    }

    /**
     * Checks that scenario JSON can be read.
     *
     * @throws IllegalArgumentException naming what cannot be read
     */
    void parseScenarios(String scenariosJson);

    /** Runs the scenario tests on an engine. */
    List<ScenarioResult> runScenarios(E engine, String scenariosJson);

    /**
     * Replays the decision inputs recorded in {@code [from, to)} through a candidate and the active version and reports
     * what would change.
     */
    SimulationReport simulate(E candidate, E active, Instant from, Instant to);
}
