package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.NextBestActionRuleSet;
import io.cxloop.rules.nba.NextBestActionScenario;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code next-best-action} rule set: offer and channel for every process and for other systems. Its engines are
 * composed with the active {@code contact-policy}: an upload is compiled, checked and tested together with it, and a
 * new active policy rebuilds the active engine (see {@link RuleSetKind#isCurrent}).
 */
public class NextBestActionRuleSetKind implements RuleSetKind<NextBestActionEngine> {

    private static final TypeReference<List<NextBestActionScenario>> SCENARIOS = new TypeReference<>() {};

    private final ObjectMapper json;
    private final ActiveRuleSet<ContactPolicyEngine> contactPolicy;
    private final DecisionReplay<NextBestActionEngine, NextBestActionRequest, NextBestAction> replay;
    private final PolicyComposedBuiltIn<NextBestActionEngine> builtIn;

    public NextBestActionRuleSetKind(
            ObjectMapper json, DecisionRepository decisions, ActiveRuleSet<ContactPolicyEngine> contactPolicy) {
        this.json = json;
        this.contactPolicy = contactPolicy;
        this.replay = DecisionReplay.nextBestActions(json, decisions);
        this.builtIn = new PolicyComposedBuiltIn<>(
                contactPolicy,
                NextBestActionEngine::builtIn,
                NextBestActionEngine::contactPolicyVersion,
                NextBestActionEngine::withContactPolicy);
    }

    @Override
    public String name() {
        return NextBestActionRuleSet.NAME;
    }

    @Override
    public FactModel factModel() {
        return NextBestActionRuleSet.FACT_MODEL;
    }

    /** The built-in rules with the active contact policy; composed once per policy activation. */
    @Override
    public NextBestActionEngine builtIn() {
        return builtIn.get();
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(ContactPolicyRuleSet.NAME);
    }

    @Override
    public boolean isCurrent(NextBestActionEngine engine) {
        return builtIn.isCurrent(engine);
    }

    @Override
    public String builtInDrl() {
        return RuleSetFiles.classpath(NextBestActionRuleSet.BUILT_IN_DRL);
    }

    @Override
    public String builtInScenarios() {
        return RuleSetFiles.classpath(NextBestActionRuleSet.BUILT_IN_SCENARIOS);
    }

    @Override
    public String labelOf(NextBestActionEngine engine) {
        return engine.ruleSetVersion();
    }

    @Override
    public NextBestActionEngine compile(String label, String resourcePath, String drl) {
        return NextBestActionEngine.compose(label, Map.of(resourcePath, drl), contactPolicy.engine());
    }

    @Override
    public void parseScenarios(String scenariosJson) {
        List<NextBestActionScenario> scenarios = RuleSetFiles.scenarios(json, scenariosJson, SCENARIOS);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("at least one scenario is needed");
        }
    }

    @Override
    public List<ScenarioResult> runScenarios(NextBestActionEngine engine, String scenariosJson) {
        return RuleSetFiles.scenarios(json, scenariosJson, SCENARIOS).stream()
                .map(scenario -> scenario.runOn(engine))
                .toList();
    }

    @Override
    public SimulationReport simulate(
            NextBestActionEngine candidate, NextBestActionEngine active, Instant from, Instant to) {
        return replay.versions(name(), candidate, active, from, to);
    }
}
