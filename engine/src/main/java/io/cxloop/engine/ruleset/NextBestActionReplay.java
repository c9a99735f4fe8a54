package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.decision.DecisionRepository.RecordedInput;
import io.cxloop.engine.ruleset.SimulationReport.Change;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.NextBestActionRuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays recorded next-best-action decisions through two engines: a candidate next-best-action version against the
 * active one, or the active next-best-action rules with a candidate contact policy against the active pair.
 */
final class NextBestActionReplay {

    private final ObjectMapper json;
    private final DecisionRepository decisions;

    NextBestActionReplay(ObjectMapper json, DecisionRepository decisions) {
        this.json = json;
        this.decisions = decisions;
    }

    /**
     * Replays the next-best-action decisions recorded in {@code [from, to)} through two engines and reports what would
     * change; the labels name what is compared (a next-best-action or a contact-policy version).
     */
    SimulationReport replay(
            String ruleSet,
            NextBestActionEngine candidate,
            String candidateLabel,
            NextBestActionEngine active,
            String activeLabel,
            Instant from,
            Instant to) {
        List<RecordedInput> inputs = decisions.inputsBetween(
                NextBestActionRuleSet.NAME, from, to, NextBestActionRuleSetKind.SIMULATED_AT_MOST + 1);
        boolean truncated = inputs.size() > NextBestActionRuleSetKind.SIMULATED_AT_MOST;
        List<RecordedInput> replayed =
                truncated ? inputs.subList(0, NextBestActionRuleSetKind.SIMULATED_AT_MOST) : inputs;
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
                ruleSet,
                candidateLabel,
                activeLabel,
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
         * Counts a decision and returns it in words, e.g. {@code RECONNECT_OFFER on EMAIL with summer-sale (15 %)},
         * with {@code , postponed until …} when quiet hours hold it back.
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
            add("timing", decision.notBefore() == null ? "at once" : "postponed");
            return decision.hasAction()
                    ? decision.action() + " on " + channel + " with " + offer
                            + (decision.notBefore() == null ? "" : ", postponed until " + decision.notBefore())
                    : "NO_ACTION";
        }

        private void add(String dimension, String value) {
            counts.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(value, 1L, Long::sum);
        }
    }
}
