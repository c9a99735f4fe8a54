package io.cxloop.engine.ruleset;

import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The built-in version of a rule set that is composed with the active contact policy (next-best action, survey and
 * review invitations): the jar's own composition while the built-in policy is active, else the built-in rules composed
 * with the active policy, once per policy activation.
 *
 * @param <E> the compiled decision engine
 */
final class PolicyComposedBuiltIn<E> {

    private final ActiveRuleSet<ContactPolicyEngine> contactPolicy;
    private final Supplier<E> builtIn;
    private final Function<E, String> contactPolicyVersionOf;
    private final BiFunction<E, ContactPolicyEngine, E> withContactPolicy;
    /** The built-in rules composed with the active policy, when that is not the built-in one. */
    private volatile E composed;

    /**
     * @param builtIn the built-in rules composed with the built-in policy
     * @param contactPolicyVersionOf the contact-policy version an engine was composed with
     * @param withContactPolicy the same rules composed with another policy
     */
    PolicyComposedBuiltIn(
            ActiveRuleSet<ContactPolicyEngine> contactPolicy,
            Supplier<E> builtIn,
            Function<E, String> contactPolicyVersionOf,
            BiFunction<E, ContactPolicyEngine, E> withContactPolicy) {
        this.contactPolicy = contactPolicy;
        this.builtIn = builtIn;
        this.contactPolicyVersionOf = contactPolicyVersionOf;
        this.withContactPolicy = withContactPolicy;
    }

    E get() {
        ContactPolicyEngine policy = contactPolicy.engine();
        if (ContactPolicyRuleSet.BUILT_IN_VERSION.equals(policy.ruleSetVersion())) {
            return builtIn.get();
        }
        E current = composed;
        if (current == null || !isCurrent(current)) {
            synchronized (this) {
                current = composed;
                if (current == null || !isCurrent(current)) {
                    current = withContactPolicy.apply(builtIn.get(), policy);
                    composed = current;
                }
            }
        }
        return current;
    }

    /** Whether an engine was composed with the active contact policy (see {@link RuleSetKind#isCurrent}). */
    boolean isCurrent(E engine) {
        return Objects.equals(
                contactPolicyVersionOf.apply(engine), contactPolicy.engine().ruleSetVersion());
    }
}
