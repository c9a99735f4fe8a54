package io.cxloop.rules.invitation;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.Explanation;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of an invitation decision: the channel the customer is asked on (null: not asked), whether the message
 * counts as marketing, when it may leave, the rule-set version, the contact-policy version composed with it and the
 * rules that fired, in firing order.
 *
 * @param marketing whether the invitation counts against the marketing caps and honours unsubscribes
 * @param notBefore the message must not leave before this time (a delay after the event, quiet hours); null: at once
 * @param contactPolicyVersion the {@code contact-policy} version composed with the rules, e.g. {@code
 *     contact-policy@v2}; null for rules that ran without it
 */
public record InvitationDecision(
        Channel channel,
        boolean marketing,
        Instant notBefore,
        String ruleSetVersion,
        List<Explanation> explanations,
        String contactPolicyVersion) {

    public InvitationDecision {
        explanations = List.copyOf(explanations);
    }

    /** Whether the customer is invited. */
    public boolean invites() {
        return channel != null;
    }
}
