package io.cxloop.engine.ruleset;

import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.policy.ContactPolicyEngine;

/**
 * The next-best-action engine every process and the REST API use: always the active version of the rule set, composed
 * with the active contact policy.
 */
public final class ActiveNextBestActionEngine implements NextBestActionEngine {

    private final ActiveRuleSet<NextBestActionEngine> active;

    public ActiveNextBestActionEngine(ActiveRuleSet<NextBestActionEngine> active) {
        this.active = active;
    }

    @Override
    public NextBestAction decide(NextBestActionRequest request) {
        return active.engine().decide(request);
    }

    @Override
    public String ruleSetVersion() {
        return active.engine().ruleSetVersion();
    }

    @Override
    public String contactPolicyVersion() {
        return active.engine().contactPolicyVersion();
    }

    /** The active next-best-action rules composed with another contact policy (e.g. a candidate to simulate). */
    @Override
    public NextBestActionEngine withContactPolicy(ContactPolicyEngine contactPolicy) {
        return active.engine().withContactPolicy(contactPolicy);
    }
}
