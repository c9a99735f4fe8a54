package io.cxloop.rules.invitation;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.invitation.internal.DroolsInvitationEngine;
import java.util.Map;

/**
 * Decides whether, on which channel and when a customer is invited — to a survey ({@code survey-invitation}) or to
 * write a review ({@code review-invitation}). Thread-safe: build once, call from any thread.
 */
public interface InvitationEngine {

    /**
     * The built-in version of a rule set that ships in this jar, e.g. {@code "survey-invitation@builtin-1"}. Compiled
     * on the first call (this takes seconds), shared afterwards.
     *
     * @param ruleSet {@link InvitationRuleSets#SURVEY} or {@link InvitationRuleSets#REVIEW}
     */
    static InvitationEngine builtIn(String ruleSet) {
        return DroolsInvitationEngine.builtIn(ruleSet);
    }

    /**
     * Compiles a rule set from DRL texts, e.g. one an analyst uploaded. The DRL sees the facts {@code
     * InvitationRequest}, {@code CustomerProfile}, {@code SurveyOccasion} or {@code ReviewOccasion}, {@code
     * ContactPolicy} and each {@code ContactRecord}, and must declare {@code global
     * io.cxloop.rules.invitation.internal.InvitationCollector decision;}.
     *
     * @throws RuleSetCompilationException listing every compiler message
     */
    static InvitationEngine fromDrl(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        return DroolsInvitationEngine.fromDrl(ruleSetVersion, drlByResourcePath);
    }

    InvitationDecision decide(InvitationRequest request);

    /** Recorded with every decision, e.g. {@code "survey-invitation@builtin-1"}. */
    String ruleSetVersion();
}
