package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.decision.DecisionRepository.RecordedInput;
import io.cxloop.engine.ruleset.SimulationReport.Change;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
    private final DecisionRepository decisions;
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
        this.decisions = decisions;
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
        int most = NextBestActionRuleSetKind.SIMULATED_AT_MOST;
        List<RecordedInput> inputs = decisions.inputsBetween(name, from, to, most + 1);
        boolean truncated = inputs.size() > most;
        List<RecordedInput> replayed = truncated ? inputs.subList(0, most) : inputs;
        Map<String, Map<String, Long>> before = new TreeMap<>();
        Map<String, Map<String, Long>> after = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        int changed = 0;
        for (RecordedInput input : replayed) {
            InvitationRequest request;
            try {
                request = json.readValue(input.inputFacts(), InvitationRequest.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("recorded facts of decision " + input.decisionId() + " unreadable", e);
            }
            String was = count(before, active.decide(request));
            String would = count(after, candidate.decide(request));
            if (!was.equals(would)) {
                changed++;
                if (changes.size() < SimulationReport.CHANGES_LISTED) {
                    changes.add(new Change(input.decisionId(), input.customerId(), input.decidedAt(), was, would));
                }
            }
        }
        return new SimulationReport(
                name,
                candidate.ruleSetVersion(),
                active.ruleSetVersion(),
                from,
                to,
                replayed.size(),
                changed,
                before,
                after,
                changes,
                truncated);
    }

    /** Counts a decision by channel and returns it in words, e.g. {@code EMAIL, waits}. */
    private static String count(Map<String, Map<String, Long>> counts, InvitationDecision decision) {
        String channel = decision.invites() ? decision.channel().name() : "none";
        counts.computeIfAbsent("channel", d -> new TreeMap<>()).merge(channel, 1L, Long::sum);
        return decision.invites() ? channel + (decision.notBefore() == null ? "" : ", waits") : "not invited";
    }
}
