package io.cxloop.engine.ruleset;

import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRequest;

/** An invitation decision the application makes: always with the active version of its rule set. */
public final class ActiveInvitationEngine implements InvitationEngine {

    private final ActiveRuleSet<InvitationEngine> active;

    public ActiveInvitationEngine(ActiveRuleSet<InvitationEngine> active) {
        this.active = active;
    }

    @Override
    public InvitationDecision decide(InvitationRequest request) {
        return active.engine().decide(request);
    }

    @Override
    public String ruleSetVersion() {
        return active.engine().ruleSetVersion();
    }
}
