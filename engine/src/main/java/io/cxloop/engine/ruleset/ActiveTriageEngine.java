package io.cxloop.engine.ruleset;

import io.cxloop.rules.triage.TriageDecision;
import io.cxloop.rules.triage.TriageEngine;
import io.cxloop.rules.triage.TriageRequest;

/** The triage engine the feedback flow uses: always the active version of the {@code triage} rule set. */
public final class ActiveTriageEngine implements TriageEngine {

    private final ActiveRuleSet<TriageEngine> active;

    public ActiveTriageEngine(ActiveRuleSet<TriageEngine> active) {
        this.active = active;
    }

    @Override
    public TriageDecision triage(TriageRequest request) {
        return active.engine().triage(request);
    }

    @Override
    public String ruleSetVersion() {
        return active.engine().ruleSetVersion();
    }
}
