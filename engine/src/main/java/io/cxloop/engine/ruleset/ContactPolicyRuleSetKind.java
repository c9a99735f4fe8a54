package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import io.cxloop.rules.policy.ContactPolicyScenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code contact-policy} rule set, one for service and marketing: consent, addresses, open complaint cases,
 * marketing caps and quiet hours. Its scenario tests run on the policy alone; an upload must also compile together with
 * the active next-best-action, survey-invitation and review-invitation rules, which it is composed with for decisions.
 * A simulation replays the recorded next-best-action decisions through the active next-best-action rules with the
 * candidate policy against the active pair.
 */
public class ContactPolicyRuleSetKind implements RuleSetKind<ContactPolicyEngine> {

    private static final TypeReference<List<ContactPolicyScenario>> SCENARIOS = new TypeReference<>() {};

    private final ObjectMapper json;
    /** The active next-best-action rules (composed with the active policy); looked up late, it is built after us. */
    private final Supplier<NextBestActionEngine> nextBestAction;
    /** The active invitation rules (composed with the active policy); looked up late like the next-best action. */
    private final Supplier<List<InvitationEngine>> invitations;

    private final NextBestActionReplay replay;

    public ContactPolicyRuleSetKind(
            ObjectMapper json,
            DecisionRepository decisions,
            Supplier<NextBestActionEngine> nextBestAction,
            Supplier<List<InvitationEngine>> invitations) {
        this.json = json;
        this.nextBestAction = nextBestAction;
        this.invitations = invitations;
        this.replay = new NextBestActionReplay(json, decisions);
    }

    @Override
    public String name() {
        return ContactPolicyRuleSet.NAME;
    }

    @Override
    public FactModel factModel() {
        return ContactPolicyRuleSet.FACT_MODEL;
    }

    @Override
    public ContactPolicyEngine builtIn() {
        return ContactPolicyEngine.builtIn();
    }

    @Override
    public String builtInDrl() {
        return RuleSetFiles.classpath(ContactPolicyRuleSet.BUILT_IN_DRL);
    }

    @Override
    public String builtInScenarios() {
        return RuleSetFiles.classpath(ContactPolicyRuleSet.BUILT_IN_SCENARIOS);
    }

    @Override
    public String labelOf(ContactPolicyEngine engine) {
        return engine.ruleSetVersion();
    }

    @Override
    public ContactPolicyEngine compile(String label, String resourcePath, String drl) {
        return ContactPolicyEngine.fromDrl(label, Map.of(resourcePath, drl));
    }

    /**
     * The policy must compile together with the active next-best-action and invitation rules: decisions run each of
     * them with it as one.
     */
    @Override
    public void checkComposition(ContactPolicyEngine engine) {
        nextBestAction.get().withContactPolicy(engine);
        invitations.get().forEach(invitation -> invitation.withContactPolicy(engine));
    }

    @Override
    public void parseScenarios(String scenariosJson) {
        if (RuleSetFiles.scenarios(json, scenariosJson, SCENARIOS).isEmpty()) {
            throw new IllegalArgumentException("at least one scenario is needed");
        }
    }

    @Override
    public List<ScenarioResult> runScenarios(ContactPolicyEngine engine, String scenariosJson) {
        return RuleSetFiles.scenarios(json, scenariosJson, SCENARIOS).stream()
                .map(scenario -> scenario.runOn(engine))
                .toList();
    }

    @Override
    public SimulationReport simulate(
            ContactPolicyEngine candidate, ContactPolicyEngine active, Instant from, Instant to) {
        NextBestActionEngine activePair = nextBestAction.get();
        NextBestActionEngine candidatePair = activePair.withContactPolicy(candidate);
        return replay.replay(
                name(), candidatePair, candidate.ruleSetVersion(), activePair, active.ruleSetVersion(), from, to);
    }
}
