package io.cxloop.rules.policy;

import java.time.Instant;

/**
 * What the contact policy reports through: the global {@value #GLOBAL_NAME} every contact-policy rule set declares. The
 * collector of the decision the policy is composed with implements it, so the policy's explanations take their place
 * among the decision's, in firing order.
 */
public interface ContactPolicyCollector {

    /** The global every contact-policy rule set must declare with this type. */
    String GLOBAL_NAME = "policy";

    /** Records why a rule fired; call it with {@code drools.getRule().getName()}. */
    void explain(String rule, String reason);

    /** The chosen message waits until then (e.g. quiet hours end); it is not dropped. */
    void postponeUntil(Instant notBefore);
}
