package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.decision.DecisionRepository.RecordedInput;
import io.cxloop.engine.ruleset.SimulationReport.Change;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.NextBestActionRuleSet;
import io.cxloop.rules.nba.NextBestActionScenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code next-best-action} rule set: offer and channel for every process and for other systems. */
public class NextBestActionRuleSetKind implements RuleSetKind<NextBestActionEngine> {

    private static final TypeReference<List<NextBestActionScenario>> SCENARIOS = new TypeReference<>() {};

    /** Decisions one simulation replays at most. */
    static final int SIMULATED_AT_MOST = 20_000;

    private final ObjectMapper json;
    private final DecisionRepository decisions;

    public NextBestActionRuleSetKind(ObjectMapper json, DecisionRepository decisions) {
        this.json = json;
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return NextBestActionRuleSet.NAME;
    }

    @Override
    public FactModel factModel() {
        return NextBestActionRuleSet.FACT_MODEL;
    }

    @Override
    public NextBestActionEngine builtIn() {
        return NextBestActionEngine.builtIn();
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
        return NextBestActionEngine.fromDrl(label, Map.of(resourcePath, drl));
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
        List<RecordedInput> inputs = decisions.inputsBetween(name(), from, to, SIMULATED_AT_MOST + 1);
        boolean truncated = inputs.size() > SIMULATED_AT_MOST;
        List<RecordedInput> replayed = truncated ? inputs.subList(0, SIMULATED_AT_MOST) : inputs;
        Tally activeTally = new Tally();
        Tally candidateTally = new Tally();
        List<Change> changes = new ArrayList<>();
        int changed = 0;
        for (RecordedInput input : replayed) {
            NextBestActionRequest request;
            try {
                request = json.readValue(input.inputFacts(), NextBestActionRequest.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("recorded facts of decision " + input.decisionId() + " unreadable", e);
            }
            String before = activeTally.count(active.decide(request));
            String after = candidateTally.count(candidate.decide(request));
            if (!before.equals(after)) {
                changed++;
                if (changes.size() < SimulationReport.CHANGES_LISTED) {
                    changes.add(new Change(input.decisionId(), input.customerId(), input.decidedAt(), before, after));
                }
            }
        }
        return new SimulationReport(
                name(),
                candidate.ruleSetVersion(),
                active.ruleSetVersion(),
                from,
                to,
                replayed.size(),
                changed,
                activeTally.counts,
                candidateTally.counts,
                changes,
                truncated);
    }

    /** Outcome counts by dimension. */
    private static final class Tally {

        final Map<String, Map<String, Long>> counts = new TreeMap<>();

        /**
         * Counts a decision and returns it in words, e.g. {@code RECONNECT_OFFER on EMAIL with summer-sale (15 %)}.
         */
        String count(NextBestAction decision) {
            String channel =
                    decision.channel() == null ? "none" : decision.channel().name();
            String offer = decision.offer() == null
                    ? "none"
                    : decision.offerId() == null
                            ? decision.offer().percent() + " %"
                            : decision.offerId() + " (" + decision.offer().percent() + " %)";
            add("action", decision.action().name());
            add("channel", channel);
            add("offer", offer);
            return decision.hasAction() ? decision.action() + " on " + channel + " with " + offer : "NO_ACTION";
        }

        private void add(String dimension, String value) {
            counts.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(value, 1L, Long::sum);
        }
    }
}
