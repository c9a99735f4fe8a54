package io.cxloop.engine.ruleset;

import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRequest;
import io.cxloop.rules.policy.ContactPolicyEngine;

/**
 * An invitation decision the application makes: always with the active version of its rule set, composed with the
 * active contact policy.
 */
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

    @Override
    public String contactPolicyVersion() {
        return active.engine().contactPolicyVersion();
    }

    /** The active invitation rules composed with another contact policy (e.g. a candidate to check). */
    @Override
    public InvitationEngine withContactPolicy(ContactPolicyEngine contactPolicy) {
        return active.engine().withContactPolicy(contactPolicy);
    }
}
