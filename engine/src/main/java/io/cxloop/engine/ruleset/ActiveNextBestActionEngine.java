package io.cxloop.engine.ruleset;

import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;

/** The next-best-action engine every process and the REST API use: always the active version of the rule set. */
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
}
