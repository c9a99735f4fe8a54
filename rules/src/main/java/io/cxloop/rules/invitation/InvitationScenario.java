package io.cxloop.rules.invitation;

import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.Explanation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario test of an invitation rule set: given these facts, the decision must be this. Stored as JSON with every
 * version of the rule set; an upload must pass them before it can be activated.
 */
public record InvitationScenario(String name, InvitationRequest given, Expectation expect) {

    public InvitationScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(expect, "expect");
    }

    /**
     * The expected decision; a part left out (null or empty) is not checked.
     *
     * @param invited whether the customer is invited; required
     * @param channel the channel of the invitation
     * @param marketing whether it counts as marketing
     * @param notBefore when it may leave at the earliest
     * @param rulesFired rules that must be among those that fired (by name)
     */
    public record Expectation(
            Boolean invited, Channel channel, Boolean marketing, Instant notBefore, List<String> rulesFired) {

        public Expectation {
            Objects.requireNonNull(invited, "expect.invited");
            rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
        }
    }

    /** Runs this scenario on a rule set; a rule set that fails while deciding fails the scenario. */
    public ScenarioResult runOn(InvitationEngine engine) {
        InvitationDecision decision;
        try {
            decision = engine.decide(given);
        } catch (RuntimeException e) {
            return ScenarioResult.failed(name, List.of("the rule set failed: " + e.getMessage()));
        }
        return check(decision);
    }

    /** Compares a decision with the expectation. */
    public ScenarioResult check(InvitationDecision decision) {
        List<String> failures = new ArrayList<>();
        if (decision.invites() != expect.invited()) {
            failures.add(
                    expect.invited()
                            ? "expected an invitation but there was none"
                            : "expected no invitation but it went by " + decision.channel());
        }
        if (expect.channel() != null && decision.channel() != expect.channel()) {
            failures.add("expected channel " + expect.channel() + " but was " + decision.channel());
        }
        if (expect.marketing() != null && decision.marketing() != expect.marketing()) {
            failures.add("expected marketing " + expect.marketing() + " but was " + decision.marketing());
        }
        if (expect.notBefore() != null && !expect.notBefore().equals(decision.notBefore())) {
            failures.add("expected the invitation to wait until " + expect.notBefore() + " but "
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
