package io.cxloop.rules.invitation;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.invitation.internal.InvitationCollector;
import io.cxloop.rules.invitation.internal.InvitationVeto;
import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.policy.ChannelCandidate;
import io.cxloop.rules.policy.ChosenChannel;
import io.cxloop.rules.policy.ContactRequest;
import io.cxloop.rules.policy.ContactVeto;
import io.cxloop.rules.policy.Purpose;
import java.util.Set;

/** The two invitation rule sets as versioned artefacts: names, built-in resources and what their rules may use. */
public final class InvitationRuleSets {

    /** Whether, how and when a customer is asked to rate a touchpoint after a journey event. */
    public static final String SURVEY = "survey-invitation";

    /** Whether, how and when a promoter is invited to write a review. */
    public static final String REVIEW = "review-invitation";

    public static final Set<String> NAMES = Set.of(SURVEY, REVIEW);

    /**
     * What uploaded invitation rules may use: the decision's facts, the collector, the model, the contact policy's
     * vocabulary they share with it (the channel candidates they offer, the contact request, the veto, the chosen
     * channel), dates and times.
     */
    public static final FactModel FACT_MODEL = new FactModel(
            "io.cxloop.rules.invitation",
            Set.of(
                    ChannelCandidate.class.getName(),
                    ChosenChannel.class.getName(),
                    ContactRequest.class.getName(),
                    ContactVeto.class.getName(),
                    Purpose.class.getName(),
                    InvitationVeto.class.getName(),
                    InvitationCollector.class.getName(),
                    ContactPolicy.class.getName(),
                    ContactRecord.class.getName(),
                    NpsClass.class.getName()),
            Set.of("io.cxloop.rules.model", "io.cxloop.rules.invitation"));

    private InvitationRuleSets() {}

    /** The DRL of a built-in rule set, as a classpath resource. */
    public static String builtInDrl(String ruleSet) {
        return "io/cxloop/rules/invitation/" + known(ruleSet) + ".drl";
    }

    /** The scenario tests of a built-in rule set (JSON, a list of {@link InvitationScenario}). */
    public static String builtInScenarios(String ruleSet) {
        return "io/cxloop/rules/invitation/" + known(ruleSet) + ".scenarios.json";
    }

    private static String known(String ruleSet) {
        if (!NAMES.contains(ruleSet)) {
            throw new IllegalArgumentException("no invitation rule set " + ruleSet + "; known: " + NAMES);
        }
        return ruleSet;
    }
}
