package io.cxloop.rules.policy;

import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.nba.internal.ChannelCandidate;
import io.cxloop.rules.nba.internal.ContactVeto;
import io.cxloop.rules.nba.internal.DecisionCollector;
import java.util.Set;

/**
 * The {@code contact-policy} rule set as a versioned artefact: consent and address per channel, the re-entry window, no
 * marketing while a complaint case is open, the marketing caps per channel and overall, quiet hours that postpone. It
 * is composed into the next-best-action decision (one KieBase, one session) and runs alone for its scenario tests.
 */
public final class ContactPolicyRuleSet {

    public static final String NAME = "contact-policy";

    /** The DRL of the built-in rule set, as a classpath resource. */
    public static final String BUILT_IN_DRL = "io/cxloop/rules/policy/contact-policy.drl";

    /** The scenario tests of the built-in rule set (JSON, a list of {@link ContactPolicyScenario}). */
    public static final String BUILT_IN_SCENARIOS = "io/cxloop/rules/policy/contact-policy.scenarios.json";

    public static final String BUILT_IN_VERSION = "contact-policy@builtin-1";

    /**
     * What uploaded contact-policy rules may use: the decision's facts (the customer, the trigger, the contacts, the
     * policy's settings), the channel candidates they reject, the veto, the collector, dates and times.
     */
    public static final FactModel FACT_MODEL = new FactModel(
            "io.cxloop.rules.policy",
            Set.of(ChannelCandidate.class.getName(), ContactVeto.class.getName(), DecisionCollector.class.getName()),
            Set.of("io.cxloop.rules.model", "io.cxloop.rules.nba", "io.cxloop.rules.policy"));

    private ContactPolicyRuleSet() {}
}
