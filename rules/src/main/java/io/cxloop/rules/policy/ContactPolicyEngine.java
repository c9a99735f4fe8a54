package io.cxloop.rules.policy;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.policy.internal.DroolsContactPolicyEngine;
import java.util.Map;

/**
 * A compiled version of the {@code contact-policy} rule set. Decisions do not call it: the next-best-action engine is
 * composed with it (see {@code NextBestActionEngine.compose}). It evaluates the policy alone for scenario tests and for
 * analysts' checks. Thread-safe: build once, call from any thread.
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
     * The policy alone on a decision's facts: which of the trigger's channels it allows, whether it vetoes any
     * contact, and — for the first allowed channel, as if it were chosen — whether quiet hours postpone the message.
     */
    ContactPolicyOutcome evaluate(NextBestActionRequest request);

    /** e.g. {@code contact-policy@builtin-1}. */
    String ruleSetVersion();

    /** The DRL this policy was compiled from, by resource path: what a decision engine is composed with. */
    Map<String, String> drl();
}
