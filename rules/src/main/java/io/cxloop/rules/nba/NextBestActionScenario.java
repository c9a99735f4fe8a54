package io.cxloop.rules.nba;

import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.model.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario test of a next-best-action rule set: given these facts, the decision must be this. Stored as JSON with
 * every version of the rule set; an upload must pass them before it can be activated.
 *
 * @param given the facts of the decision
 * @param expect what the decision must be
 */
public record NextBestActionScenario(String name, NextBestActionRequest given, Expectation expect) {

    public NextBestActionScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(expect, "expect");
    }

    /**
     * The expected decision; a part left out (null or empty) is not checked.
     *
     * @param action the action; required
     * @param channel the channel, for an action other than no action
     * @param offerPercent the offer's discount
     * @param rulesFired rules that must be among those that fired (by name)
     * @param notBefore when the message may leave at the earliest (quiet hours)
     * @param offerId the chosen offer's id (catalogue id, or {@code trigger:<key>})
     */
    public record Expectation(
            ActionType action,
            Channel channel,
            Integer offerPercent,
            List<String> rulesFired,
            Instant notBefore,
            String offerId) {

        public Expectation {
            Objects.requireNonNull(action, "expect.action");
            rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
        }
    }

    /** Runs this scenario on a rule set; a rule set that fails while deciding fails the scenario. */
    public ScenarioResult runOn(NextBestActionEngine engine) {
        NextBestAction decision;
        try {
            decision = engine.decide(given);
        } catch (RuntimeException e) {
            return ScenarioResult.failed(name, List.of("the rule set failed: " + e.getMessage()));
        }
        return check(decision);
    }

    /** Compares a decision with the expectation. */
    public ScenarioResult check(NextBestAction decision) {
        List<String> failures = new ArrayList<>();
        if (decision.action() != expect.action()) {
            failures.add("expected action " + expect.action() + " but was " + decision.action());
        }
        if (expect.channel() != null && decision.channel() != expect.channel()) {
            failures.add("expected channel " + expect.channel() + " but was " + decision.channel());
        }
        if (expect.offerPercent() != null
                && (decision.offer() == null || decision.offer().percent() != expect.offerPercent())) {
            failures.add("expected an offer of " + expect.offerPercent() + " % but was "
                    + (decision.offer() == null ? "no offer" : decision.offer().percent() + " %"));
        }
        if (expect.offerId() != null && !expect.offerId().equals(decision.offerId())) {
            failures.add("expected offer " + expect.offerId() + " but was "
                    + (decision.offerId() == null ? "none" : decision.offerId()));
        }
        if (expect.notBefore() != null && !expect.notBefore().equals(decision.notBefore())) {
            failures.add("expected the message to wait until " + expect.notBefore() + " but "
                    + (decision.notBefore() == null ? "it goes at once" : "it waits until " + decision.notBefore()));
        }
        List<String> fired =
                decision.explanations().stream().map(Explanation::rule).toList();
        for (String rule : expect.rulesFired()) {
            if (!fired.contains(rule)) {
                failures.add("expected rule '" + rule + "' to fire; fired: " + fired);
            }
        }
        return failures.isEmpty() ? ScenarioResult.passed(name) : ScenarioResult.failed(name, failures);
    }
}
