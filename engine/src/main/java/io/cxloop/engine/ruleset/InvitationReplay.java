package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.decision.DecisionRepository.RecordedInput;
import io.cxloop.engine.ruleset.SimulationReport.Change;
import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Replays recorded invitation decisions of one rule set through two engines: a candidate invitation version against
 * the active one, or the active invitation rules with a candidate contact policy against the active pair.
 */
final class InvitationReplay {

    private final ObjectMapper json;
    private final DecisionRepository decisions;

    InvitationReplay(ObjectMapper json, DecisionRepository decisions) {
        this.json = json;
        this.decisions = decisions;
    }

    /**
     * Replays the decisions of {@code ruleSet} recorded in {@code [from, to)} and reports what would change; the
     * candidate is built only when there is something to replay (composing one takes seconds).
     */
    SimulationReport replay(
            String ruleSet,
            Supplier<InvitationEngine> candidate,
            String candidateLabel,
            InvitationEngine active,
            String activeLabel,
            Instant from,
            Instant to) {
        int most = NextBestActionRuleSetKind.SIMULATED_AT_MOST;
        List<RecordedInput> inputs = decisions.inputsBetween(ruleSet, from, to, most + 1);
        boolean truncated = inputs.size() > most;
        List<RecordedInput> replayed = truncated ? inputs.subList(0, most) : inputs;
        Map<String, Map<String, Long>> before = new TreeMap<>();
        Map<String, Map<String, Long>> after = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        int changed = 0;
        InvitationEngine candidateEngine = replayed.isEmpty() ? null : candidate.get();
        for (RecordedInput input : replayed) {
            InvitationRequest request;
            try {
                request = json.readValue(input.inputFacts(), InvitationRequest.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("recorded facts of decision " + input.decisionId() + " unreadable", e);
            }
            String was = count(before, active.decide(request));
            String would = count(after, candidateEngine.decide(request));
            if (!was.equals(would)) {
                changed++;
                if (changes.size() < SimulationReport.CHANGES_LISTED) {
                    changes.add(new Change(input.decisionId(), input.customerId(), input.decidedAt(), was, would));
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
