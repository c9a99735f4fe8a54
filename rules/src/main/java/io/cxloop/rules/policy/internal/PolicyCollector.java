package io.cxloop.rules.policy.internal;

import io.cxloop.rules.nba.Explanation;
import io.cxloop.rules.policy.ContactPolicyCollector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the contact policy alone reported in one evaluation. One instance per evaluation; not thread-safe. */
final class PolicyCollector implements ContactPolicyCollector {

    private final List<Explanation> explanations = new ArrayList<>();
    private Instant notBefore;

    @Override
    public void explain(String rule, String reason) {
        explanations.add(new Explanation(rule, reason));
    }

    @Override
    public void postponeUntil(Instant notBefore) {
        Objects.requireNonNull(notBefore, "notBefore");
        if (this.notBefore == null || notBefore.isAfter(this.notBefore)) {
            this.notBefore = notBefore;
        }
    }

    List<Explanation> explanations() {
        return List.copyOf(explanations);
    }

    Instant notBefore() {
        return notBefore;
    }
}
