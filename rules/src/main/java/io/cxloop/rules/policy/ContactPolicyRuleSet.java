package io.cxloop.rules.policy;

import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import java.util.Set;

/**
 * The {@code contact-policy} rule set as a versioned artefact, one for service and marketing: consent and address per
 * channel, no marketing while a complaint case is open, the marketing caps per channel and overall, quiet hours that
 * postpone. It is composed into every decision of a message — next-best action, survey invitation, review invitation
 * (one KieBase, one session each) — and runs alone for its scenario tests.
 */
public final class ContactPolicyRuleSet {

    public static final String NAME = "contact-policy";

    /** The DRL of the built-in rule set, as a classpath resource. */
    public static final String BUILT_IN_DRL = "io/cxloop/rules/policy/contact-policy.drl";

    /** The scenario tests of the built-in rule set (JSON, a list of {@link ContactPolicyScenario}). */
    public static final String BUILT_IN_SCENARIOS = "io/cxloop/rules/policy/contact-policy.scenarios.json";

    public static final String BUILT_IN_VERSION = "contact-policy@builtin-1";

    /**
     * What uploaded contact-policy rules may use: the policy's vocabulary (the contact request, the channel candidates
     * they reject, the veto, the chosen channel, the collector), the customer and the model, the policy's settings and
     * the customer's contacts, dates and times. Not the vocabulary of one kind of decision (next-best action,
     * invitations): the policy is composed with all of them.
     */
    public static final FactModel FACT_MODEL = new FactModel(
            "io.cxloop.rules.policy",
            Set.of(ContactPolicy.class.getName(), ContactRecord.class.getName()),
            Set.of("io.cxloop.rules.model", "io.cxloop.rules.policy"));

    private ContactPolicyRuleSet() {}
}
