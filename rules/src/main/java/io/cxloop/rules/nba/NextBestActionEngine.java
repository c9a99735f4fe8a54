package io.cxloop.rules.nba;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.nba.internal.DroolsNextBestActionEngine;
import io.cxloop.rules.policy.ContactPolicyEngine;
import java.util.Map;

/**
 * Decides the next-best action with the {@code next-best-action} Drools rule set. Thread-safe: build once, call from
 * any thread.
 */
public interface NextBestActionEngine {

    /**
     * The rule set that ships in this jar (classpath {@code io/cxloop/rules/nba/next-best-action.drl}), version
     * {@code "next-best-action@builtin-1"}, composed with the built-in contact policy ({@code
     * "contact-policy@builtin-1"}). Compiled on the first call (this takes seconds), shared afterwards.
     */
    static NextBestActionEngine builtIn() {
        return DroolsNextBestActionEngine.builtIn();
    }

    /**
     * Compiles a rule set from DRL texts, e.g. one an analyst uploaded. Compiling takes seconds: build once per
     * version and keep the engine.
     *
     * <p>The DRL sees the facts {@code NextBestActionRequest}, {@code CustomerProfile}, {@code ReconnectContext},
     * {@code ContactRecord} and {@code io.cxloop.rules.nba.internal.ChannelCandidate}, and must declare {@code global
     * io.cxloop.rules.nba.internal.DecisionCollector decision;} to explain itself and to choose.
     *
     * @param ruleSetVersion recorded with every decision, e.g. {@code "next-best-action@upload-7"}
     * @param drlByResourcePath DRL text by resource path, e.g. {@code io/cxloop/rules/nba/next-best-action.drl}
     * @throws RuleSetCompilationException listing every compiler message, if the rule set does not compile
     */
    static NextBestActionEngine fromDrl(String ruleSetVersion, Map<String, String> drlByResourcePath) {
        return DroolsNextBestActionEngine.fromDrl(ruleSetVersion, drlByResourcePath);
    }

    /**
     * Compiles next-best-action rules composed with a contact policy into one engine: the policy's rules run in the
     * same session as the decision's (no second pass). This is how decisions are made; {@link #fromDrl} alone runs
     * the rules without any contact policy.
     *
     * @throws RuleSetCompilationException listing every compiler message, if the two do not compile together
     */
    static NextBestActionEngine compose(
            String ruleSetVersion, Map<String, String> drlByResourcePath, ContactPolicyEngine contactPolicy) {
        return DroolsNextBestActionEngine.compose(ruleSetVersion, drlByResourcePath, contactPolicy);
    }

    NextBestAction decide(NextBestActionRequest request);

    /**
     * The same next-best-action rules composed with another contact policy (compiles anew; this engine is unchanged).
     *
     * @throws RuleSetCompilationException if they do not compile together
     */
    NextBestActionEngine withContactPolicy(ContactPolicyEngine contactPolicy);

    /** The contact policy composed into this engine, e.g. {@code "contact-policy@v2"}; null when there is none. */
    default String contactPolicyVersion() {
        return null;
    }

    /** The version of the rule set, recorded with every decision (e.g. {@code "next-best-action@builtin-1"}). */
    String ruleSetVersion();
}
