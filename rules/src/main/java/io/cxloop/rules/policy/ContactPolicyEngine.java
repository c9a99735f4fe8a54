package io.cxloop.rules.policy;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.policy.internal.DroolsContactPolicyEngine;
import java.util.Map;

/**
 * A compiled version of the {@code contact-policy} rule set, one for service and marketing. Decisions do not call it:
 * the engines that decide a message — next-best action, survey and review invitations — are composed with it (see
 * {@code NextBestActionEngine.compose}, {@code InvitationEngine.compose}). It evaluates the policy alone for scenario
 * tests and for analysts' checks. Thread-safe: build once, call from any thread.
 */
public interface ContactPolicyEngine {

    /** The policy that ships in this jar, version {@value ContactPolicyRuleSet#BUILT_IN_VERSION}. */
    static ContactPolicyEngine builtIn() {
        return DroolsContactPolicyEngine.builtIn();
    }

    /**
     * Compiles a contact policy from DRL texts, e.g. one an analyst uploaded.
     *
     * @param ruleSetVersion recorded with every decision made under it, e.g. {@code "contact-policy@v2"}
     * @param drlByResourcePath DRL text by resource path; the folder should be {@code io/cxloop/rules/policy}
     * @throws RuleSetCompilationException listing every compiler message
     */
    static ContactPolicyEngine fromDrl(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        return DroolsContactPolicyEngine.fromDrl(ruleSetVersion, drlByResourcePath);
    }

    /**
     * The policy alone on a message: which of its channels it allows, whether it vetoes messages of a purpose, and —
     * for the first allowed channel, as if it were chosen — whether quiet hours postpone the message.
     */
    ContactPolicyOutcome evaluate(ContactPolicyRequest request);

    /** e.g. {@code contact-policy@builtin-1}. */
    String ruleSetVersion();

    /** The DRL this policy was compiled from, by resource path: what a decision engine is composed with. */
    Map<String, String> drl();
}
