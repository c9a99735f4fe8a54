package io.cxloop.rules.nba;

import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithCallConsentButNoPhone;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailAndSmsConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailAndSmsConsentButNoEmailAddress;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsentAndAnOpenComplaintCase;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithSmsConsentOnly;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithoutConsent;
import static io.cxloop.rules.nba.DecisionFixture.decisionFor;
import static io.cxloop.rules.nba.DecisionFixture.reconnectEmailSent;
import static io.cxloop.rules.nba.DecisionFixture.reconnectSmsSent;
import static io.cxloop.rules.nba.ReconnectFixture.cartAbandonedTrigger;
import static io.cxloop.rules.nba.ReconnectFixture.cartAbandonedTriggerPreferringSms;
import static io.cxloop.rules.nba.ReconnectFixture.fifteenPercentForADayWithFreeExpress;
import static io.cxloop.rules.nba.ReconnectFixture.highValueCartCallBackTrigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.model.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The built-in next-best-action rule set, one business case per test. */
class NextBestActionRulesTest {

    static final String CONSENT = "Channel needs the customer's consent";
    static final String ADDRESS = "Channel needs a contact address";
    static final String RE_ENTRY = "At most one reconnect message per customer within the re-entry window";
    static final String SCORED = "Every eligible offer is scored on its first allowed channel";
    static final String FIRST_ALLOWED = "The offer with the highest priority wins";
    static final String NOTHING_ALLOWED = "No action when no channel is allowed";
    static final String OPEN_CASE = "No marketing while a complaint case is open";

    private final NextBestActionEngine engine = NextBestActionEngine.builtIn();

    @Test
    void customerWhoConsentedToEmailGetsTheOfferByEmail() {
        NextBestAction action = engine.decide(decisionFor(germanCustomerWithEmailConsent(), cartAbandonedTrigger()));

        assertThat(action.action()).isEqualTo(ActionType.RECONNECT_OFFER);
        assertThat(action.channel()).isEqualTo(Channel.EMAIL);
        assertThat(action.explanations())
                .last()
                .isEqualTo(new Explanation(
                        FIRST_ALLOWED,
                        "EMAIL chosen: it is the first channel of trigger cart-abandoned the customer can be reached"
                                + " on; offer: 15 % off, valid for 24 hours, free express shipping; offer"
                                + " trigger:cart-abandoned (offer of trigger cart-abandoned) has the highest priority,"
                                + " 0.1"));
        assertThat(action.offerId()).isEqualTo("trigger:cart-abandoned");
        assertThat(action.score()).isEqualTo(0.1);
    }

    @Test
    void customerWhoConsentedToSmsOnlyGetsTheOfferBySms() {
        NextBestAction action = engine.decide(decisionFor(germanCustomerWithSmsConsentOnly(), cartAbandonedTrigger()));

        assertThat(action.action()).isEqualTo(ActionType.RECONNECT_OFFER);
        assertThat(action.channel()).isEqualTo(Channel.SMS);
        assertThat(action.explanations())
                .containsExactly(
                        new Explanation(CONSENT, "EMAIL rejected: the customer has not consented to EMAIL"),
                        new Explanation(
                                SCORED,
                                "offer trigger:cart-abandoned (offer of trigger cart-abandoned) on SMS: priority 0.1"
                                        + " = propensity 0.1 (0 conversions in 0 messages, prior Beta(1, 9)) × value 1"
                                        + " × weight 1"),
                        new Explanation(
                                FIRST_ALLOWED,
                                "SMS chosen: it is the first channel of trigger cart-abandoned the customer can be"
                                        + " reached on; offer: 15 % off, valid for 24 hours, free express shipping;"
                                        + " offer trigger:cart-abandoned (offer of trigger cart-abandoned) has the"
                                        + " highest priority, 0.1"));
    }

    @Test
    void marketersOrderOfChannelsDecidesAmongAllowedOnes() {
        NextBestAction action =
                engine.decide(decisionFor(germanCustomerWithEmailAndSmsConsent(), cartAbandonedTriggerPreferringSms()));

        assertThat(action.channel()).isEqualTo(Channel.SMS);
        assertThat(action.explanations()).extracting(Explanation::rule).containsExactly(SCORED, FIRST_ALLOWED);
    }

    @Test
    void consentedChannelWithoutEmailAddressIsRejectedAndTheNextChannelWins() {
        NextBestAction action = engine.decide(
                decisionFor(germanCustomerWithEmailAndSmsConsentButNoEmailAddress(), cartAbandonedTrigger()));

        assertThat(action.channel()).isEqualTo(Channel.SMS);
        assertThat(action.explanations())
                .contains(new Explanation(ADDRESS, "EMAIL rejected: the customer has no e-mail address"))
                .extracting(Explanation::rule)
                .doesNotContain(CONSENT);
    }

    @Test
    void callBackWithoutPhoneNumberIsRejectedAndNothingIsDone() {
        NextBestAction action =
                engine.decide(decisionFor(germanCustomerWithCallConsentButNoPhone(), highValueCartCallBackTrigger()));

        assertThat(action.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(action.explanations())
                .containsExactly(
                        new Explanation(ADDRESS, "CALL_QUEUE rejected: the customer has no phone number"),
                        new Explanation(
                                NOTHING_ALLOWED,
                                "No action: none of the channels of trigger high-value-cart [CALL_QUEUE] is allowed"
                                        + " for this customer"));
    }

    @Test
    void customerWithoutAnyConsentGetsNoActionAndLearnsWhyForEachChannel() {
        NextBestAction action = engine.decide(decisionFor(germanCustomerWithoutConsent(), cartAbandonedTrigger()));

        assertThat(action.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(action.hasAction()).isFalse();
        assertThat(action.channel()).isNull();
        assertThat(action.offer()).isNull();
        assertThat(action.explanations())
                .containsExactlyInAnyOrder(
                        new Explanation(CONSENT, "EMAIL rejected: the customer has not consented to EMAIL"),
                        new Explanation(CONSENT, "SMS rejected: the customer has not consented to SMS"),
                        new Explanation(
                                NOTHING_ALLOWED,
                                "No action: none of the channels of trigger cart-abandoned [EMAIL, SMS] is allowed"
                                        + " for this customer"));
        assertThat(action.explanations()).last().extracting(Explanation::rule).isEqualTo(NOTHING_ALLOWED);
    }

    @Test
    void customerContactedWithinTheReEntryWindowGetsNoActionDespiteConsent() {
        NextBestAction action = engine.decide(decisionFor(
                germanCustomerWithEmailConsent(),
                cartAbandonedTrigger(),
                reconnectEmailSent(Duration.ofDays(20)),
                reconnectSmsSent("browse-abandoned", Duration.ofDays(3))));

        assertThat(action.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(action.explanations())
                .contains(new Explanation(
                        RE_ENTRY,
                        "No reconnect message: the customer was last contacted by SMS at 2025-05-30T09:00:00Z"
                                + " (trigger browse-abandoned), less than 7 days ago, the re-entry window of trigger"
                                + " cart-abandoned"))
                .extracting(Explanation::rule)
                .doesNotContain(FIRST_ALLOWED, NOTHING_ALLOWED)
                .containsOnlyOnce(RE_ENTRY);
    }

    @Test
    void customerContactedBeforeTheReEntryWindowGetsTheOffer() {
        NextBestAction action = engine.decide(decisionFor(
                germanCustomerWithEmailConsent(), cartAbandonedTrigger(), reconnectEmailSent(Duration.ofDays(8))));

        assertThat(action.action()).isEqualTo(ActionType.RECONNECT_OFFER);
        assertThat(action.channel()).isEqualTo(Channel.EMAIL);
        assertThat(action.explanations()).extracting(Explanation::rule).doesNotContain(RE_ENTRY);
    }

    @Test
    void reEntryWindowEndsExactlyReEntryAfterTheLastContact() {
        NextBestAction justOutside = engine.decide(decisionFor(
                germanCustomerWithEmailConsent(), cartAbandonedTrigger(), reconnectEmailSent(Duration.ofDays(7))));
        NextBestAction justInside = engine.decide(decisionFor(
                germanCustomerWithEmailConsent(),
                cartAbandonedTrigger(),
                reconnectEmailSent(Duration.ofDays(7).minusSeconds(1))));

        assertThat(justOutside.action()).isEqualTo(ActionType.RECONNECT_OFFER);
        assertThat(justInside.action()).isEqualTo(ActionType.NO_ACTION);
    }

    @Test
    void detractorWithAnOpenComplaintCaseGetsNoMarketingAndTheDecisionSaysWhy() {
        NextBestAction action = engine.decide(
                decisionFor(germanCustomerWithEmailConsentAndAnOpenComplaintCase(), cartAbandonedTrigger()));

        assertThat(action.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(action.channel()).isNull();
        assertThat(action.explanations())
                .containsExactly(new Explanation(
                        OPEN_CASE,
                        "No marketing message: the customer has an open complaint case; marketing waits until the loop"
                                + " is closed"));
    }

    @Test
    void severalOpenComplaintCasesAreCounted() {
        NextBestAction action = engine.decide(decisionFor(
                germanCustomerWithEmailConsent().withOpenComplaintCases(2), cartAbandonedTriggerPreferringSms()));

        assertThat(action.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(action.explanations()).extracting(Explanation::reason).anySatisfy(text -> assertThat(text)
                .contains("2 open complaint cases"));
    }

    @Test
    void customerWhoseComplaintCasesAreClosedGetsTheOfferAgain() {
        NextBestAction action = engine.decide(decisionFor(
                germanCustomerWithEmailConsentAndAnOpenComplaintCase().withOpenComplaintCases(0),
                cartAbandonedTrigger()));

        assertThat(action.action()).isEqualTo(ActionType.RECONNECT_OFFER);
        assertThat(action.explanations()).extracting(Explanation::rule).doesNotContain(OPEN_CASE);
    }

    @Test
    void chosenActionCarriesTheTriggersOfferAndTheRuleSetVersion() {
        NextBestAction action = engine.decide(decisionFor(germanCustomerWithEmailConsent(), cartAbandonedTrigger()));

        assertThat(action.offer()).isEqualTo(fifteenPercentForADayWithFreeExpress());
        assertThat(action.ruleSetVersion()).isEqualTo(engine.ruleSetVersion()).isEqualTo("next-best-action@builtin-1");
    }

    @Test
    void explanationsNameTheRulesThatFiredInFiringOrder() {
        NextBestAction action = engine.decide(decisionFor(
                germanCustomerWithEmailAndSmsConsentButNoEmailAddress(), cartAbandonedTriggerPreferringSms()));

        // SMS wins at once; the e-mail candidate is still examined and its rejection explained before selection.
        assertThat(action.explanations()).extracting(Explanation::rule).containsExactly(ADDRESS, SCORED, FIRST_ALLOWED);
    }

    @Test
    void decisionDoesNotDependOnTheDecisionsMadeBeforeIt() {
        // one thread: every decision runs in the session the one before it ran in, emptied
        List<NextBestActionRequest> requests = List.of(
                decisionFor(germanCustomerWithEmailConsent(), cartAbandonedTrigger()),
                decisionFor(germanCustomerWithoutConsent(), cartAbandonedTrigger()),
                decisionFor(germanCustomerWithSmsConsentOnly(), cartAbandonedTriggerPreferringSms()),
                decisionFor(germanCustomerWithEmailConsentAndAnOpenComplaintCase(), cartAbandonedTrigger()),
                decisionFor(
                        germanCustomerWithEmailConsent(),
                        cartAbandonedTrigger(),
                        reconnectEmailSent(Duration.ofHours(3))),
                decisionFor(germanCustomerWithEmailAndSmsConsentButNoEmailAddress(), cartAbandonedTrigger()),
                decisionFor(germanCustomerWithCallConsentButNoPhone(), highValueCartCallBackTrigger()),
                decisionFor(
                        germanCustomerWithEmailAndSmsConsent(),
                        cartAbandonedTriggerPreferringSms(),
                        reconnectSmsSent("browse-abandoned", Duration.ofDays(2))));
        List<NextBestAction> inOrder = requests.stream().map(engine::decide).toList();

        List<NextBestAction> reversed = new java.util.ArrayList<>();
        for (int i = requests.size() - 1; i >= 0; i--) {
            reversed.add(0, engine.decide(requests.get(i)));
        }
        List<NextBestAction> eachAfterAVeto = requests.stream()
                .map(request -> {
                    engine.decide(requests.get(3));
                    return engine.decide(request);
                })
                .toList();

        assertThat(reversed).isEqualTo(inOrder);
        assertThat(eachAfterAVeto).isEqualTo(inOrder);
        assertThat(inOrder)
                .extracting(NextBestAction::action)
                .contains(ActionType.RECONNECT_OFFER, ActionType.NO_ACTION);
    }

    @Test
    void oneEngineDecidesForManyThreadsAtOnce() throws Exception {
        List<NextBestActionRequest> requests = IntStream.range(0, 200)
                .mapToObj(i -> i % 2 == 0
                        ? decisionFor(germanCustomerWithEmailConsent(), cartAbandonedTrigger())
                        : decisionFor(germanCustomerWithSmsConsentOnly(), cartAbandonedTrigger()))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<NextBestAction>> actions = pool.invokeAll(requests.stream()
                    .<java.util.concurrent.Callable<NextBestAction>>map(request -> () -> engine.decide(request))
                    .toList());
            for (int i = 0; i < actions.size(); i++) {
                assertThat(actions.get(i).get().channel()).isEqualTo(i % 2 == 0 ? Channel.EMAIL : Channel.SMS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void builtInEngineIsCompiledOnceAndShared() {
        assertThat(NextBestActionEngine.builtIn()).isSameAs(engine);
    }
}
