package io.cxloop.rules.policy.internal;

import io.cxloop.rules.RuleSetCompilationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DRL of a decision's rule set and of the contact policy, to be compiled into one KieBase: how next-best-action
 * and invitation engines are composed with the policy, so that it runs in the decision's own session.
 */
public final class ContactPolicyComposition {

    private ContactPolicyComposition() {}

    /**
     * The decision's files and the policy's, by resource path.
     *
     * @throws RuleSetCompilationException when a file of the decision's rule set takes the path of one of the policy's
     */
    public static Map<String, String> drl(
            String ruleSetVersion, String ruleSetName, Map<String, String> decisionDrl, Map<String, String> policyDrl) {
        Map<String, String> both = new LinkedHashMap<>(decisionDrl);
        policyDrl.forEach((path, text) -> {
            if (both.putIfAbsent(path, text) != null) {
                throw new RuleSetCompilationException(
                        ruleSetVersion,
                        List.of(path + ": a " + ruleSetName + " file may not take the contact policy's path"));
            }
        });
        return both;
    }

    /** The label of a composed KieBase in logs and compiler messages, e.g. {@code survey-invitation@v3 + contact-policy@v2}. */
    public static String label(String ruleSetVersion, String policyVersion) {
        return ruleSetVersion + " + " + policyVersion;
    }
}
