package io.cxloop.rules.invitation;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.invitation.internal.DroolsInvitationEngine;
import io.cxloop.rules.policy.ContactPolicyEngine;
import java.util.Map;

/**
 * Decides whether, on which channel and when a customer is invited — to a survey ({@code survey-invitation}) or to
 * write a review ({@code review-invitation}). Decisions run the rule set composed with the contact policy ({@code
 * contact-policy}, one for service and marketing) in one session, like the next-best action. Thread-safe: build once,
 * call from any thread.
 */
public interface InvitationEngine {

    /**
     * The built-in version of a rule set that ships in this jar, e.g. {@code "survey-invitation@builtin-1"}, composed
     * with the built-in contact policy. Compiled on the first call (this takes seconds), shared afterwards.
     *
     * @param ruleSet {@link InvitationRuleSets#SURVEY} or {@link InvitationRuleSets#REVIEW}
     */
    static InvitationEngine builtIn(String ruleSet) {
        return DroolsInvitationEngine.builtIn(ruleSet);
    }

    /**
     * Compiles a rule set from DRL texts alone, without any contact policy. The DRL sees the facts {@code
     * InvitationRequest}, {@code CustomerProfile}, {@code SurveyOccasion} or {@code ReviewOccasion}, {@code
     * ContactPolicy}, {@code ContactRequest} and each {@code ContactRecord}, offers the ways to invite as {@code
     * io.cxloop.rules.policy.ChannelCandidate}s, and must declare {@code global
     * io.cxloop.rules.invitation.internal.InvitationCollector decision;}.
     *
     * @throws RuleSetCompilationException listing every compiler message
     */
    static InvitationEngine fromDrl(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        return DroolsInvitationEngine.fromDrl(ruleSetVersion, drlByResourcePath);
    }

    /**
     * Compiles invitation rules composed with a contact policy into one engine: the policy's rules run in the same
     * session as the invitation's. This is how invitations are decided, e.g. for a rule set an analyst uploaded.
     *
     * @throws RuleSetCompilationException listing every compiler message, if the two do not compile together
     */
    static InvitationEngine compose(
            String ruleSetVersion, Map<String, String> drlByResourcePath, ContactPolicyEngine contactPolicy) {
        return DroolsInvitationEngine.compose(ruleSetVersion, drlByResourcePath, contactPolicy);
    }

    InvitationDecision decide(InvitationRequest request);

    /**
     * The same invitation rules composed with another contact policy (compiles anew; this engine is unchanged).
     *
     * @throws RuleSetCompilationException if they do not compile together
     */
    InvitationEngine withContactPolicy(ContactPolicyEngine contactPolicy);

    /** The contact policy composed into this engine, e.g. {@code "contact-policy@v2"}; null when there is none. */
    String contactPolicyVersion();

    /** Recorded with every decision, e.g. {@code "survey-invitation@builtin-1"}. */
    String ruleSetVersion();
}
