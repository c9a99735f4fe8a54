package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.ruleset.SimulationReport.Change;
import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRequest;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.NextBestActionRuleSet;
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import io.cxloop.rules.policy.ContactPolicyScenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@code contact-policy} rule set, one for service and marketing: consent, addresses, open complaint cases,
 * marketing caps and quiet hours. Its scenario tests run on the policy alone; an upload must also compile together with
 * the active next-best-action, survey-invitation and review-invitation rules, which it is composed with for decisions.
 * A simulation replays the recorded next-best-action, survey-invitation and review-invitation decisions through the
 * active rules of each with the candidate policy against the active pair, and reports them together.
 */
public class ContactPolicyRuleSetKind implements RuleSetKind<ContactPolicyEngine> {

    private static final TypeReference<List<ContactPolicyScenario>> SCENARIOS = new TypeReference<>() {};

    private final ObjectMapper json;
    /** The active next-best-action rules (composed with the active policy); looked up late, it is built after us. */
    private final Supplier<NextBestActionEngine> nextBestAction;
    /**
     * The active invitation rules (composed with the active policy) by rule-set name; looked up late like the
     * next-best action.
     */
    private final Supplier<Map<String, InvitationEngine>> invitations;

    private final DecisionReplay<NextBestActionEngine, NextBestActionRequest, NextBestAction> replay;
    private final DecisionReplay<InvitationEngine, InvitationRequest, InvitationDecision> invitationReplay;

    public ContactPolicyRuleSetKind(
            ObjectMapper json,
            DecisionRepository decisions,
            Supplier<NextBestActionEngine> nextBestAction,
            Supplier<Map<String, InvitationEngine>> invitations) {
        this.json = json;
        this.nextBestAction = nextBestAction;
        this.invitations = invitations;
        this.replay = DecisionReplay.nextBestActions(json, decisions);
        this.invitationReplay = DecisionReplay.invitations(json, decisions);
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
        invitations.get().values().forEach(invitation -> invitation.withContactPolicy(engine));
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
        List<SimulationReport> reports = new ArrayList<>();
        reports.add(replay.replay(
                NextBestActionRuleSet.NAME,
                name(),
                () -> candidatePair,
                candidate.ruleSetVersion(),
                activePair,
                active.ruleSetVersion(),
                from,
                to));
        invitations
                .get()
                .forEach((ruleSet, invitation) -> reports.add(invitationReplay.replay(
                        ruleSet,
                        ruleSet,
                        () -> invitation.withContactPolicy(candidate),
                        candidate.ruleSetVersion(),
                        invitation,
                        active.ruleSetVersion(),
                        from,
                        to)));
        return together(reports, candidate, active, from, to);
    }

    /**
     * The reports of every kind of decision as one: the next-best action's counts and changes as they are, each
     * invitation rule set's counts by {@code <rule set> <dimension>} and its changes named by the rule set.
     */
    private SimulationReport together(
            List<SimulationReport> reports,
            ContactPolicyEngine candidate,
            ContactPolicyEngine active,
            Instant from,
            Instant to) {
        int decisions = 0;
        int changed = 0;
        boolean truncated = false;
        Map<String, Map<String, Long>> activeCounts = new TreeMap<>();
        Map<String, Map<String, Long>> candidateCounts = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        for (SimulationReport report : reports) {
            boolean invitation = !report.ruleSet().equals(name());
            String prefix = invitation ? report.ruleSet() + " " : "";
            decisions += report.decisions();
            changed += report.changed();
            truncated |= report.truncated();
            report.active().forEach((dimension, counts) -> activeCounts.put(prefix + dimension, counts));
            report.candidate().forEach((dimension, counts) -> candidateCounts.put(prefix + dimension, counts));
            for (Change change : report.changes()) {
                if (changes.size() < SimulationReport.CHANGES_LISTED) {
                    changes.add(
                            invitation
                                    ? new Change(
                                            change.decisionId(),
                                            change.customerId(),
                                            change.decidedAt(),
                                            report.ruleSet() + ": " + change.active(),
                                            report.ruleSet() + ": " + change.candidate())
                                    : change);
                }
            }
        }
        return new SimulationReport(
                name(),
                candidate.ruleSetVersion(),
                active.ruleSetVersion(),
                from,
                to,
                decisions,
                changed,
                activeCounts,
                candidateCounts,
                changes,
                truncated);
    }
}
