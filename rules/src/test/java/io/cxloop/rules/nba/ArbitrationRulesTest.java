package io.cxloop.rules.nba;

import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailAndSmsConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsentAndAnOpenComplaintCase;
import static io.cxloop.rules.nba.DecisionFixture.NOW;
import static io.cxloop.rules.nba.OfferFixture.freeShipping;
import static io.cxloop.rules.nba.OfferFixture.styleGuide;
import static io.cxloop.rules.nba.OfferFixture.tenPercentOff;
import static io.cxloop.rules.nba.ReconnectFixture.cartAbandonedTrigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arbitration between offers: eligibility rules per offer, then priority = propensity × business value × weight, the
 * highest wins; every rejected or losing offer says what stopped it.
 */
class ArbitrationRulesTest {

    static final String SCORED = "Every eligible offer is scored on its first allowed channel";
    static final String WINS = "The offer with the highest priority wins";
    static final String LOSES = "An offer with a lower priority loses";
    static final String BEFORE_PERIOD = "An offer is not made before its active period";
    static final String AFTER_PERIOD = "An offer is not made after its active period";
    static final String ISSUES_SPENT = "An offer whose budget of issues is spent is not made";
    static final String AMOUNT_SPENT = "An offer whose budget amount is spent is not made";
    static final String CUSTOMER_CAP = "An offer reaches a customer at most as often as its cap allows";
    static final String CHANNELS = "An offer goes only on the channels it is made for";
    static final String NONE_ELIGIBLE = "No action when no offer is eligible";

    private final NextBestActionEngine engine = NextBestActionEngine.builtIn();

    private NextBestAction decide(CustomerProfile customer, OfferFixture... offers) {
        return engine.decide(new NextBestActionRequest(
                customer,
                cartAbandonedTrigger(),
                List.of(),
                NOW,
                null,
                java.util.Arrays.stream(offers).map(OfferFixture::build).toList()));
    }

    private static List<String> rulesFired(NextBestAction action) {
        return action.explanations().stream().map(Explanation::rule).toList();
    }

    private static List<String> reasonsOf(NextBestAction action, String rule) {
        return action.explanations().stream()
                .filter(explanation -> explanation.rule().equals(rule))
                .map(Explanation::reason)
                .toList();
    }

    @Test
    void theOfferWithTheHighestPriorityWinsAndTheScoreIsPropensityTimesValueTimesWeight() {
        // 0.1 × 10 × 1 = 1 beats 0.1 × 6 × 1 = 0.6
        NextBestAction action = decide(germanCustomerWithEmailConsent(), freeShipping(0), tenPercentOff(1));

        assertThat(action.action()).isEqualTo(ActionType.RECONNECT_OFFER);
        assertThat(action.offerId()).isEqualTo("ten-percent");
        assertThat(action.offer().percent()).isEqualTo(10);
        assertThat(action.channel()).isEqualTo(Channel.EMAIL);
        assertThat(action.score()).isEqualTo(1.0);
        assertThat(reasonsOf(action, SCORED))
                .containsExactlyInAnyOrder(
                        "offer free-shipping on EMAIL: priority 0.6 = propensity 0.1 (0 conversions in 0 messages,"
                                + " prior Beta(1, 9)) × value 6 × weight 1",
                        "offer ten-percent on EMAIL: priority 1 = propensity 0.1 (0 conversions in 0 messages,"
                                + " prior Beta(1, 9)) × value 10 × weight 1");
        assertThat(reasonsOf(action, LOSES))
                .containsExactly(
                        "offer free-shipping on EMAIL not chosen: its priority 0.6 is below 1 of offer ten-percent");
        assertThat(rulesFired(action)).containsSubsequence(SCORED, WINS, LOSES);
    }

    @Test
    void theAnalystsWeightIsALeverThatChangesTheRanking() {
        NextBestAction action =
                decide(germanCustomerWithEmailConsent(), freeShipping(0).weight(2), tenPercentOff(1));

        // 0.1 × 6 × 2 = 1.2 beats 0.1 × 10 × 1 = 1
        assertThat(action.offerId()).isEqualTo("free-shipping");
        assertThat(action.score()).isCloseTo(1.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(reasonsOf(action, SCORED)).anySatisfy(reason -> assertThat(reason)
                .startsWith("offer free-shipping on EMAIL: priority 1.2 = propensity 0.1")
                .endsWith("× value 6 × weight 2"));
    }

    @Test
    void aBusinessLeverForTheOffersKindMultipliesItsPriorityAndIsShownInItsTerms() {
        NextBestAction action = engine.decide(new NextBestActionRequest(
                germanCustomerWithEmailConsent(),
                cartAbandonedTrigger(),
                List.of(),
                NOW,
                null,
                List.of(freeShipping(0).build().withLever(2), tenPercentOff(1).build())));

        // 0.1 × 6 × 1 × 2 = 1.2 beats 0.1 × 10 × 1 = 1 (lever 1: not shown)
        assertThat(action.offerId()).isEqualTo("free-shipping");
        assertThat(action.score()).isCloseTo(1.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(reasonsOf(action, SCORED))
                .anySatisfy(reason -> assertThat(reason)
                        .startsWith("offer free-shipping on EMAIL: priority 1.2 = propensity 0.1")
                        .endsWith("× value 6 × weight 1 × lever 2 for FREE_SHIPPING"))
                .anySatisfy(reason -> assertThat(reason)
                        .startsWith("offer ten-percent on EMAIL: priority 1 =")
                        .endsWith("× value 10 × weight 1"));
    }

    @Test
    void learnedPropensityOutweighsAHigherValue() {
        // free shipping converted 9 of 30 e-mails: (1 + 9) / (10 + 30) = 0.25 → 0.25 × 6 = 1.5;
        // ten percent converted 1 of 30: (1 + 1) / 40 = 0.05 → 0.05 × 10 = 0.5
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                tenPercentOff(0).learned(Channel.EMAIL, 1, 30),
                freeShipping(1).learned(Channel.EMAIL, 9, 30));

        assertThat(action.offerId()).isEqualTo("free-shipping");
        assertThat(action.score()).isCloseTo(1.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(reasonsOf(action, SCORED))
                .contains("offer free-shipping on EMAIL: priority 1.5 = propensity 0.25 (9 conversions in 30 messages,"
                        + " prior Beta(1, 9)) × value 6 × weight 1");
    }

    @Test
    void propensityIsLearnedPerChannel() {
        // the outcomes on SMS say nothing about e-mail: on e-mail both have the prior, and value decides
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                tenPercentOff(0).learned(Channel.SMS, 0, 50),
                freeShipping(1).learned(Channel.SMS, 40, 50));

        assertThat(action.offerId()).isEqualTo("ten-percent");
        assertThat(action.score()).isEqualTo(1.0);
    }

    @Test
    void onATieTheEarlierOfferWins() {
        NextBestAction action =
                decide(germanCustomerWithEmailConsent(), styleGuide(1).value(10), tenPercentOff(0));

        assertThat(action.offerId()).isEqualTo("ten-percent");
        assertThat(reasonsOf(action, LOSES))
                .containsExactly("offer style-guide on EMAIL not chosen: its priority 1 ties with 1 of offer"
                        + " ten-percent, which comes first");
    }

    @Test
    void anOfferIsMadeOnlyWithinItsActivePeriod() {
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                tenPercentOff(0).id("christmas").activeBetween(NOW.plus(Duration.ofDays(20)), null),
                tenPercentOff(1).id("black-friday").activeBetween(NOW.minus(Duration.ofDays(10)), NOW),
                styleGuide(2));

        assertThat(action.offerId()).isEqualTo("style-guide");
        assertThat(reasonsOf(action, BEFORE_PERIOD))
                .containsExactly("offer christmas rejected: it is made from 2025-06-22T09:00:00Z on");
        assertThat(reasonsOf(action, AFTER_PERIOD))
                .containsExactly("offer black-friday rejected: it was made until 2025-06-02T09:00:00Z");
    }

    @Test
    void anOfferWhoseBudgetIsSpentIsNotMade() {
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                tenPercentOff(0).budgetOfIssues(1_000, 1_000),
                freeShipping(1).budgetAmount(500, 4.5, 111),
                styleGuide(2).budgetAmount(500, 4.5, 110));

        assertThat(action.offerId()).isEqualTo("style-guide");
        assertThat(reasonsOf(action, ISSUES_SPENT))
                .containsExactly("offer ten-percent rejected: its budget of 1000 issues is spent (1000 issued)");
        // 111 × 4.5 = 499.5: one more would exceed 500; 110 × 4.5 = 495 leaves room for one
        assertThat(reasonsOf(action, AMOUNT_SPENT))
                .containsExactly("offer free-shipping rejected: its budget of 500 is spent (111 issued at 4.5)");
    }

    @Test
    void anOfferReachesACustomerAtMostAsOftenAsItsCapAllows() {
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                tenPercentOff(0).capPerCustomer(1, Duration.ofDays(30), 1),
                freeShipping(1).capPerCustomer(2, Duration.ofDays(30), 1));

        assertThat(action.offerId()).isEqualTo("free-shipping");
        assertThat(reasonsOf(action, CUSTOMER_CAP))
                .containsExactly(
                        "offer ten-percent rejected: the customer got it 1 time(s) within 30 days; its cap is 1");
    }

    @Test
    void anOfferGoesOnItsFirstAllowedChannelAmongThoseItIsMadeFor() {
        NextBestAction action =
                decide(germanCustomerWithEmailAndSmsConsent(), tenPercentOff(0).onlyOn(Channel.SMS));

        assertThat(action.channel()).isEqualTo(Channel.SMS);
        assertThat(action.offerId()).isEqualTo("ten-percent");
    }

    @Test
    void anOfferForAChannelTheCustomerCannotBeReachedOnIsRejected() {
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                tenPercentOff(0).onlyOn(Channel.SMS, Channel.CALL_QUEUE),
                styleGuide(1));

        assertThat(action.offerId()).isEqualTo("style-guide");
        assertThat(reasonsOf(action, CHANNELS)).singleElement().satisfies(reason -> assertThat(reason)
                .startsWith("offer ten-percent rejected: it goes only on ")
                .contains("SMS")
                .contains("CALL_QUEUE")
                .endsWith(", and the customer can be reached on none of them"));
    }

    @Test
    void whenNoOfferIsEligibleNothingIsDoneAndTheDecisionSaysWhy() {
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                tenPercentOff(0).budgetOfIssues(10, 10),
                freeShipping(1).capPerCustomer(1, null, 1));

        assertThat(action.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(action.offerId()).isNull();
        assertThat(action.score()).isNull();
        assertThat(rulesFired(action)).contains(ISSUES_SPENT, CUSTOMER_CAP).endsWith(NONE_ELIGIBLE);
        assertThat(reasonsOf(action, CUSTOMER_CAP))
                .containsExactly("offer free-shipping rejected: the customer got it 1 time(s); its cap is 1");
    }

    @Test
    void theContactPolicyComesBeforeAnyScoring() {
        NextBestAction action =
                decide(germanCustomerWithEmailConsentAndAnOpenComplaintCase(), tenPercentOff(0), freeShipping(1));

        assertThat(action.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(rulesFired(action))
                .contains("No marketing while a complaint case is open")
                .doesNotContain(SCORED, WINS, NONE_ELIGIBLE);
    }

    @Test
    void withoutCatalogueOffersTheTriggersOwnOfferIsTheOneCandidate() {
        NextBestAction action = decide(germanCustomerWithEmailConsent());

        assertThat(action.offerId()).isEqualTo("trigger:cart-abandoned");
        assertThat(action.offer()).isEqualTo(cartAbandonedTrigger().offer());
        assertThat(action.score()).isEqualTo(0.1);
    }
}
