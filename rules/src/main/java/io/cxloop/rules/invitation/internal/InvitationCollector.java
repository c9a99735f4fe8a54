package io.cxloop.rules.invitation.internal;

import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.Explanation;
import io.cxloop.rules.policy.ChannelCandidate;
import io.cxloop.rules.policy.ContactPolicyCollector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the invitation rules concluded in one session: the explanations in firing order, the chosen channel and when the
 * invitation may leave. The rule set reaches it as the global {@value #GLOBAL_NAME}, the contact policy composed with
 * it as the global {@value ContactPolicyCollector#GLOBAL_NAME}. One instance per decision.
 */
public final class InvitationCollector implements ContactPolicyCollector {

    /** The global every invitation rule set must declare with this type. */
    public static final String GLOBAL_NAME = "decision";

    private final List<Explanation> explanations = new ArrayList<>();
    private Channel channel;
    private boolean marketing;
    private Instant notBefore;

    /** Records why a rule fired; call it with {@code drools.getRule().getName()}. */
    @Override
    public void explain(String rule, String reason) {
        explanations.add(new Explanation(rule, reason));
    }

    /** Invites on the channel; marketing if its purpose is. A rule set that chooses twice is wrong: that fails loudly. */
    public void invite(ChannelCandidate chosen) {
        if (this.channel != null) {
            throw new IllegalStateException("The rule set chose twice: " + this.channel + " and then "
                    + chosen.getChannel() + "; it must choose once");
        }
        this.channel = Objects.requireNonNull(chosen.getChannel(), "channel");
        this.marketing = chosen.isMarketing();
    }

    /** The invitation waits until then (a delay, quiet hours); the latest of several reasons counts. */
    @Override
    public void postponeUntil(Instant notBefore) {
        Objects.requireNonNull(notBefore, "notBefore");
        if (this.notBefore == null || notBefore.isAfter(this.notBefore)) {
            this.notBefore = notBefore;
        }
    }

    /** The decision, recording the invitation rules' version and the contact policy's they were composed with. */
    public InvitationDecision toDecision(String ruleSetVersion, String contactPolicyVersion) {
        if (channel == null) {
            return new InvitationDecision(null, false, null, ruleSetVersion, explanations, contactPolicyVersion);
        }
        return new InvitationDecision(
                channel, marketing, notBefore, ruleSetVersion, explanations, contactPolicyVersion);
    }
}
