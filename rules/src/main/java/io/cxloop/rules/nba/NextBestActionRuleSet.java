package io.cxloop.rules.nba;

import io.cxloop.rules.lifecycle.FactModel;
import io.cxloop.rules.nba.internal.DecisionCollector;
import io.cxloop.rules.nba.internal.OfferRejection;
import io.cxloop.rules.nba.internal.ScoredCandidate;
import io.cxloop.rules.policy.ChannelCandidate;
import io.cxloop.rules.policy.ChosenChannel;
import io.cxloop.rules.policy.ContactRequest;
import io.cxloop.rules.policy.ContactVeto;
import io.cxloop.rules.policy.Purpose;
import java.util.Set;

/** The {@code next-best-action} rule set as a versioned artefact: its name, fact model and built-in parts. */
public final class NextBestActionRuleSet {

    public static final String NAME = "next-best-action";

    /** The DRL of the built-in rule set, as a classpath resource. */
    public static final String BUILT_IN_DRL = "io/cxloop/rules/nba/next-best-action.drl";

    /** The scenario tests of the built-in rule set (JSON, a list of {@link NextBestActionScenario}). */
    public static final String BUILT_IN_SCENARIOS = "io/cxloop/rules/nba/next-best-action.scenarios.json";

    /**
     * What uploaded next-best-action rules may use: the decision's facts and the collector, the contact policy's
     * vocabulary they share with it, dates and times, basic collections.
     */
    public static final FactModel FACT_MODEL = new FactModel(
            "io.cxloop.rules.nba",
            Set.of(
                    ChannelCandidate.class.getName(),
                    ContactVeto.class.getName(),
                    DecisionCollector.class.getName(),
                    OfferRejection.class.getName(),
                    ScoredCandidate.class.getName(),
                    ChosenChannel.class.getName(),
                    ContactRequest.class.getName(),
                    Purpose.class.getName()),
            Set.of("io.cxloop.rules.model", "io.cxloop.rules.nba"));

    private NextBestActionRuleSet() {}
}
