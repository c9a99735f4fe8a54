package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.decision.DecisionRepository.RecordedInput;
import io.cxloop.engine.ruleset.SimulationReport.Change;
import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.InvitationRequest;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Replays recorded decisions through two engines and reports what would change: a candidate version against the
 * active one, or the active rules composed with a candidate contact policy against the active pair. The recorded
 * input facts are decided again by both; the outcomes are counted by dimension and compared in words.
 *
 * @param <Q> the request, as recorded with each decision
 * @param <D> the decision
 */
final class DecisionReplay<Q, D> {

    /** Counts a decision in the tally and returns it in words; two decisions differ when their words do. */
    @FunctionalInterface
    interface Outcome<D> {
        String count(D decision, Tally tally);
    }

    private final ObjectMapper json;
    private final DecisionRepository decisions;
    private final Class<Q> requestType;
    private final Outcome<D> outcome;

    private DecisionReplay(ObjectMapper json, DecisionRepository decisions, Class<Q> requestType, Outcome<D> outcome) {
        this.json = json;
        this.decisions = decisions;
        this.requestType = requestType;
        this.outcome = outcome;
    }

    /**
     * Next-best actions, e.g. {@code RECONNECT_OFFER on EMAIL with summer-sale (15 %)}, with {@code , postponed until …}
     * when quiet hours hold it back.
     */
    static DecisionReplay<NextBestActionRequest, NextBestAction> nextBestActions(
            ObjectMapper json, DecisionRepository decisions) {
        return new DecisionReplay<>(json, decisions, NextBestActionRequest.class, (decision, tally) -> {
            String channel =
                    decision.channel() == null ? "none" : decision.channel().name();
            String offer = decision.offer() == null
                    ? "none"
                    : decision.offerId() == null
                            ? decision.offer().percent() + " %"
                            : decision.offerId() + " (" + decision.offer().percent() + " %)";
            tally.add("action", decision.action().name());
            tally.add("channel", channel);
            tally.add("offer", offer);
            tally.add("timing", decision.notBefore() == null ? "at once" : "postponed");
            return decision.hasAction()
                    ? decision.action() + " on " + channel + " with " + offer
                            + (decision.notBefore() == null ? "" : ", postponed until " + decision.notBefore())
                    : "NO_ACTION";
        });
    }

    /** Survey or review invitations, e.g. {@code EMAIL, waits}. */
    static DecisionReplay<InvitationRequest, InvitationDecision> invitations(
            ObjectMapper json, DecisionRepository decisions) {
        return new DecisionReplay<>(json, decisions, InvitationRequest.class, (decision, tally) -> {
            String channel = decision.invites() ? decision.channel().name() : "none";
            tally.add("channel", channel);
            return decision.invites() ? channel + (decision.notBefore() == null ? "" : ", waits") : "not invited";
        });
    }

    /**
     * Replays the decisions of {@code recordedRuleSet} made in {@code [from, to)}, at most {@link
     * NextBestActionRuleSetKind#SIMULATED_AT_MOST}. The candidate is built only when there is something to replay
     * (composing one takes seconds).
     *
     * @param reportedAs the rule set the report is about (a contact-policy simulation replays other rule sets' decisions)
     */
    SimulationReport replay(
            String recordedRuleSet,
            String reportedAs,
            Supplier<Function<Q, D>> candidate,
            String candidateLabel,
            Function<Q, D> active,
            String activeLabel,
            Instant from,
            Instant to) {
        int most = NextBestActionRuleSetKind.SIMULATED_AT_MOST;
        List<RecordedInput> inputs = decisions.inputsBetween(recordedRuleSet, from, to, most + 1);
        boolean truncated = inputs.size() > most;
        List<RecordedInput> replayed = truncated ? inputs.subList(0, most) : inputs;
        Tally activeTally = new Tally();
        Tally candidateTally = new Tally();
        List<Change> changes = new ArrayList<>();
        int changed = 0;
        Function<Q, D> candidateEngine = replayed.isEmpty() ? null : candidate.get();
        for (RecordedInput input : replayed) {
            Q request;
            try {
                request = json.readValue(input.inputFacts(), requestType);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("recorded facts of decision " + input.decisionId() + " unreadable", e);
            }
            String before = outcome.count(active.apply(request), activeTally);
            String after = outcome.count(candidateEngine.apply(request), candidateTally);
            if (!before.equals(after)) {
                changed++;
                if (changes.size() < SimulationReport.CHANGES_LISTED) {
                    changes.add(new Change(input.decisionId(), input.customerId(), input.decidedAt(), before, after));
                }
            }
        }
        return new SimulationReport(
                reportedAs,
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
    static final class Tally {

        private final Map<String, Map<String, Long>> counts = new TreeMap<>();

        void add(String dimension, String value) {
            counts.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(value, 1L, Long::sum);
        }
    }
}
