package io.cxloop.rules.policy;

import io.cxloop.rules.lifecycle.ScenarioResult;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.Explanation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario test of a contact policy, run on the policy alone: given a message (its channels with their purpose, the
 * customer, their contacts), these channels are allowed and rejected, a purpose is vetoed or not, the message is
 * postponed or not. Stored as JSON with every version of the
 * rule set; an upload must pass them before it can be activated.
 */
public record ContactPolicyScenario(String name, ContactPolicyRequest given, Expectation expect) {

    public ContactPolicyScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(expect, "expect");
    }

    /**
     * The expected outcome; a part left out (null) is not checked.
     *
     * @param allowed exactly these channels are allowed, in the message's order
     * @param rejected exactly these channels are rejected
     * @param vetoed whether a rule forbade messages of a purpose now
     * @param postponed whether quiet hours postpone the message on the first allowed channel
     * @param notBefore until when they postpone it
     * @param rulesFired rules that must be among those that fired (by name)
     */
    public record Expectation(
            List<Channel> allowed,
            List<Channel> rejected,
            Boolean vetoed,
            Boolean postponed,
            Instant notBefore,
            List<String> rulesFired) {

        public Expectation {
            rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
        }
    }

    /** Runs this scenario on a policy; a policy that fails while evaluating fails the scenario. */
    public ScenarioResult runOn(ContactPolicyEngine policy) {
        ContactPolicyOutcome outcome;
        try {
            outcome = policy.evaluate(given);
        } catch (RuntimeException e) {
            return ScenarioResult.failed(name, List.of("the rule set failed: " + e.getMessage()));
        }
        return check(outcome);
    }

    /** Compares an outcome with the expectation. */
    public ScenarioResult check(ContactPolicyOutcome outcome) {
        List<String> failures = new ArrayList<>();
        if (expect.allowed() != null && !expect.allowed().equals(outcome.allowed())) {
            failures.add("expected allowed channels " + expect.allowed() + " but were " + outcome.allowed());
        }
        if (expect.rejected() != null && !expect.rejected().equals(outcome.rejected())) {
            failures.add("expected rejected channels " + expect.rejected() + " but were " + outcome.rejected());
        }
        if (expect.vetoed() != null && expect.vetoed() != outcome.vetoed()) {
            failures.add(
                    expect.vetoed()
                            ? "expected a veto but contact was allowed"
                            : "expected no veto but " + outcome.vetoes() + " vetoed");
        }
        boolean postponed = outcome.notBefore() != null;
        if (expect.postponed() != null && expect.postponed() != postponed) {
            failures.add(
                    expect.postponed()
                            ? "expected the message to be postponed but it goes at once"
                            : "expected the message to go at once but it waits until " + outcome.notBefore());
        }
        if (expect.notBefore() != null && !expect.notBefore().equals(outcome.notBefore())) {
            failures.add("expected the message to wait until " + expect.notBefore() + " but "
                    + (outcome.notBefore() == null ? "it goes at once" : "it waits until " + outcome.notBefore()));
        }
        List<String> fired =
                outcome.explanations().stream().map(Explanation::rule).toList();
        for (String rule : expect.rulesFired()) {
            if (!fired.contains(rule)) {
                failures.add("expected rule '" + rule + "' to fire; fired: " + fired);
            }
        }
        return failures.isEmpty() ? ScenarioResult.passed(name) : ScenarioResult.failed(name, failures);
    }
}
