package io.cxloop.engine.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.decision.DecisionRepository.RecordedInput;
import io.cxloop.engine.ruleset.SimulationReport.Change;
import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRequest;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.triage.TriageDecision;
import io.cxloop.rules.triage.TriageEngine;
import io.cxloop.rules.triage.TriageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Replays recorded decisions through two engines and reports what would change: a candidate version against the
 * active one, or the active rules composed with a candidate contact policy against the active pair. The recorded
 * requests are decided again by both; the outcomes are counted by dimension and compared in words.
 *
 * @param <E> the engine
 * @param <Q> the request, as recorded with each decision
 * @param <D> the decision
 */
final class DecisionReplay<E, Q, D> {

    /** Decisions one simulation replays at most. */
    static final int SIMULATED_AT_MOST = 20_000;

    /** Where the requests come from: the input facts recorded with decisions, or feedback as it was triaged. */
    @FunctionalInterface
    interface Source<Q> {
        /** The requests decided by {@code ruleSet} in {@code [from, to)}, oldest first, at most {@code limit}. */
        List<Recorded<Q>> between(String ruleSet, Instant from, Instant to, int limit);
    }

    /** A request as it was decided; a changed decision is reported by its id, customer and time. */
    record Recorded<Q>(String id, String customerId, Instant decidedAt, Q request) {}

    /** Counts a decision in the tally and returns it in words; two decisions differ when their words do. */
    @FunctionalInterface
    interface Outcome<D> {
        String count(D decision, Tally tally);
    }

    private final Source<Q> source;
    private final BiFunction<E, Q, D> decide;
    private final Function<E, String> versionOf;
    private final Outcome<D> outcome;

    private DecisionReplay(
            Source<Q> source, BiFunction<E, Q, D> decide, Function<E, String> versionOf, Outcome<D> outcome) {
        this.source = source;
        this.decide = decide;
        this.versionOf = versionOf;
        this.outcome = outcome;
    }

    /**
     * Next-best actions, e.g. {@code RECONNECT_OFFER on EMAIL with summer-sale (15 %)}, with {@code , postponed until …}
     * when quiet hours hold it back.
     */
    static DecisionReplay<NextBestActionEngine, NextBestActionRequest, NextBestAction> nextBestActions(
            ObjectMapper json, DecisionRepository decisions) {
        return new DecisionReplay<>(
                recorded(json, decisions, NextBestActionRequest.class),
                NextBestActionEngine::decide,
                NextBestActionEngine::ruleSetVersion,
                (decision, tally) -> {
                    String channel = decision.channel() == null
                            ? "none"
                            : decision.channel().name();
                    String offer = decision.offer() == null
                            ? "none"
                            : decision.offerId() == null
                                    ? decision.offer().percent() + " %"
                                    : decision.offerId() + " ("
                                            + decision.offer().percent() + " %)";
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
    static DecisionReplay<InvitationEngine, InvitationRequest, InvitationDecision> invitations(
            ObjectMapper json, DecisionRepository decisions) {
        return new DecisionReplay<>(
                recorded(json, decisions, InvitationRequest.class),
                InvitationEngine::decide,
                InvitationEngine::ruleSetVersion,
                (decision, tally) -> {
                    String channel = decision.invites() ? decision.channel().name() : "none";
                    tally.add("channel", channel);
                    return decision.invites()
                            ? channel + (decision.notBefore() == null ? "" : ", waits")
                            : "not invited";
                });
    }

    /**
     * Triages of feedback, e.g. {@code CALL_BACK by billing within 4 h (CRITICAL)}; the feedback comes from {@code
     * feedback}, as triage records no input facts with its decisions.
     */
    static DecisionReplay<TriageEngine, TriageRequest, TriageDecision> triages(Source<TriageRequest> feedback) {
        return new DecisionReplay<>(feedback, TriageEngine::triage, TriageEngine::ruleSetVersion, (decision, tally) -> {
            tally.add("action", decision.action().name());
            tally.add("team", decision.team());
            tally.add("severity", decision.severity().name());
            tally.add("slaHours", Integer.toString(decision.slaHours()));
            return decision.action() + " by " + decision.team() + " within " + decision.slaHours() + " h ("
                    + decision.severity() + ")";
        });
    }

    /** The input facts recorded with the decisions, read as requests. */
    private static <Q> Source<Q> recorded(ObjectMapper json, DecisionRepository decisions, Class<Q> requestType) {
        return (ruleSet, from, to, limit) -> decisions.inputsBetween(ruleSet, from, to, limit).stream()
                .map(input -> new Recorded<>(
                        input.decisionId(), input.customerId(), input.decidedAt(), read(json, input, requestType)))
                .toList();
    }

    private static <Q> Q read(ObjectMapper json, RecordedInput input, Class<Q> requestType) {
        try {
            return json.readValue(input.inputFacts(), requestType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded facts of decision " + input.decisionId() + " unreadable", e);
        }
    }

    /** Replays the decisions of {@code ruleSet} in {@code [from, to)} through a candidate version and the active one. */
    SimulationReport versions(String ruleSet, E candidate, E active, Instant from, Instant to) {
        return replay(
                ruleSet,
                ruleSet,
                () -> candidate,
                versionOf.apply(candidate),
                active,
                versionOf.apply(active),
                from,
                to);
    }

    /**
     * Replays the decisions of {@code recordedRuleSet} made in {@code [from, to)}, at most {@link #SIMULATED_AT_MOST}.
     * The candidate is built only when there is something to replay (composing one takes seconds).
     *
     * @param reportedAs the rule set the report is about (a contact-policy simulation replays other rule sets' decisions)
     */
    SimulationReport replay(
            String recordedRuleSet,
            String reportedAs,
            Supplier<E> candidate,
            String candidateLabel,
            E active,
            String activeLabel,
            Instant from,
            Instant to) {
        List<Recorded<Q>> inputs = source.between(recordedRuleSet, from, to, SIMULATED_AT_MOST + 1);
        boolean truncated = inputs.size() > SIMULATED_AT_MOST;
        List<Recorded<Q>> replayed = truncated ? inputs.subList(0, SIMULATED_AT_MOST) : inputs;
        Tally activeTally = new Tally();
        Tally candidateTally = new Tally();
        List<Change> changes = new ArrayList<>();
        int changed = 0;
        E candidateEngine = replayed.isEmpty() ? null : candidate.get();
        for (Recorded<Q> input : replayed) {
            String before = outcome.count(decide.apply(active, input.request()), activeTally);
            String after = outcome.count(decide.apply(candidateEngine, input.request()), candidateTally);
            if (!before.equals(after)) {
                changed++;
                if (changes.size() < SimulationReport.CHANGES_LISTED) {
                    changes.add(new Change(input.id(), input.customerId(), input.decidedAt(), before, after));
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
