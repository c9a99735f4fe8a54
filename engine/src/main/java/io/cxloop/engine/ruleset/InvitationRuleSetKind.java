package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRequest;
import io.cxloop.rules.invitation.InvitationRuleSets;
import io.cxloop.rules.invitation.InvitationScenario;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An invitation rule set, {@code survey-invitation} or {@code review-invitation}: whether, on which channel and when a
 * customer is asked to rate a touchpoint or to write a review. Like the next-best-action rules, its engines are
 * composed with the active {@code contact-policy}: an upload is compiled and tested together with it, and a new active
 * policy rebuilds the active engine (see {@link RuleSetKind#isCurrent}).
 */
public class InvitationRuleSetKind implements RuleSetKind<InvitationEngine> {

    private static final TypeReference<List<InvitationScenario>> SCENARIOS = new TypeReference<>() {};

    private final String name;
    private final ObjectMapper json;
    private final DecisionReplay<InvitationEngine, InvitationRequest, InvitationDecision> replay;
    private final ActiveRuleSet<ContactPolicyEngine> contactPolicy;
    private final PolicyComposedBuiltIn<InvitationEngine> builtIn;

    public InvitationRuleSetKind(
            String name,
            ObjectMapper json,
            DecisionRepository decisions,
            ActiveRuleSet<ContactPolicyEngine> contactPolicy) {
        if (!InvitationRuleSets.NAMES.contains(name)) {
            throw new IllegalArgumentException("no invitation rule set " + name);
        }
        this.name = name;
        this.json = json;
        this.replay = DecisionReplay.invitations(json, decisions);
        this.contactPolicy = contactPolicy;
        this.builtIn = new PolicyComposedBuiltIn<>(
                contactPolicy,
                () -> InvitationEngine.builtIn(name),
                InvitationEngine::contactPolicyVersion,
                InvitationEngine::withContactPolicy);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FactModel factModel() {
        return InvitationRuleSets.FACT_MODEL;
    }

    /** The built-in rules with the active contact policy; composed once per policy activation. */
    @Override
    public InvitationEngine builtIn() {
        return builtIn.get();
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(ContactPolicyRuleSet.NAME);
    }

    @Override
    public boolean isCurrent(InvitationEngine engine) {
        return builtIn.isCurrent(engine);
    }

    @Override
    public String builtInDrl() {
        return RuleSetFiles.classpath(InvitationRuleSets.builtInDrl(name));
    }

    @Override
    public String builtInScenarios() {
        return RuleSetFiles.classpath(InvitationRuleSets.builtInScenarios(name));
    }

    @Override
    public String labelOf(InvitationEngine engine) {
        return engine.ruleSetVersion();
    }

    @Override
    public InvitationEngine compile(String label, String resourcePath, String drl) {
        return InvitationEngine.compose(label, Map.of(resourcePath, drl), contactPolicy.engine());
    }

    @Override
    public void parseScenarios(String scenariosJson) {
        if (RuleSetFiles.scenarios(json, scenariosJson, SCENARIOS).isEmpty()) {
            throw new IllegalArgumentException("at least one scenario is needed");
        }
    }

    @Override
    public List<ScenarioResult> runScenarios(InvitationEngine engine, String scenariosJson) {
        return RuleSetFiles.scenarios(json, scenariosJson, SCENARIOS).stream()
                .map(scenario -> scenario.runOn(engine))
                .toList();
    }

    @Override
    public SimulationReport simulate(InvitationEngine candidate, InvitationEngine active, Instant from, Instant to) {
        return replay.versions(name, candidate, active, from, to);
    }
}
