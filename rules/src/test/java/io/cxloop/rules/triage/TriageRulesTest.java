package io.cxloop.rules.triage;

import static io.cxloop.rules.feedback.Topic.BILLING;
import static io.cxloop.rules.feedback.Topic.DELIVERY;
import static io.cxloop.rules.feedback.Topic.PRICE;
import static io.cxloop.rules.feedback.Topic.PRODUCT_QUALITY;
import static io.cxloop.rules.feedback.Topic.RETURNS;
import static io.cxloop.rules.feedback.Topic.STAFF;
import static io.cxloop.rules.feedback.Topic.WAITING_TIME;
import static io.cxloop.rules.feedback.Topic.WEBSITE_APP;
import static io.cxloop.rules.model.Touchpoint.APP;
import static io.cxloop.rules.model.Touchpoint.CALL_CENTER;
import static io.cxloop.rules.model.Touchpoint.SOCIAL_MEDIA;
import static io.cxloop.rules.model.Touchpoint.STORE;
import static io.cxloop.rules.model.Touchpoint.WEB_SHOP;
import static io.cxloop.rules.model.ValueSegment.HIGH;
import static io.cxloop.rules.model.ValueSegment.LOW;
import static io.cxloop.rules.model.ValueSegment.MEDIUM;
import static io.cxloop.rules.triage.Severity.CRITICAL;
import static io.cxloop.rules.triage.TriageAction.APOLOGY_EMAIL;
import static io.cxloop.rules.triage.TriageAction.CALL_BACK;
import static io.cxloop.rules.triage.TriageAction.REVIEW_INVITE;
import static io.cxloop.rules.triage.TriageAction.THANK_YOU;
import static io.cxloop.rules.triage.TriageFixture.detractor;
import static io.cxloop.rules.triage.TriageFixture.passive;
import static io.cxloop.rules.triage.TriageFixture.promoter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.model.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in triage decision table ({@code triage.xlsx}): one business case per row, then how rows combine. */
class TriageRulesTest {

    static final String HIGH_VALUE_BILLING =
            "High-value detractor with a billing problem: the billing team calls back within 4 hours";
    static final String HIGH_VALUE = "High-value detractor: customer care calls back within 4 hours";
    static final String BILLING_PROBLEM =
            "Detractor with a billing problem: the billing team calls back within 24 hours";
    static final String RETURN_PROBLEM = "Detractor with a return problem: the returns team calls back within 24 hours";
    static final String STORE_STAFF =
            "Detractor unhappy with store staff: the store manager calls back within 24 hours";
    static final String CALL_CENTER_STAFF =
            "Detractor unhappy with a call-center agent: the call-center lead calls back within 24 hours";
    static final String SOCIAL_MEDIA_COMPLAINT =
            "Detractor complaining on social media: the social-media team reaches out within 2 hours";
    static final String MEDIUM_VALUE = "Medium-value detractor: customer care calls back within 24 hours";
    static final String LOW_VALUE_DELIVERY =
            "Low-value detractor with a delivery problem gets an apology e-mail within 48 hours";
    static final String LOW_VALUE_DIGITAL =
            "Low-value detractor with an app or website problem gets an apology e-mail within 48 hours";
    static final String ANY_DETRACTOR = "Any other detractor: customer care calls back within 48 hours";
    static final String PROMOTER = "Promoter is invited to write a review";
    static final String PASSIVE = "Passive gets a thank-you";

    private static final TriageEngine engine = TriageEngine.builtIn();

    static Stream<Arguments> oneCasePerRow() {
        return Stream.of(
                arguments(
                        "a high-value customer rates the web shop 2: the invoice charged twice",
                        detractor().valued(HIGH).about(BILLING).at(WEB_SHOP),
                        Severity.CRITICAL,
                        "billing",
                        4,
                        CALL_BACK,
                        HIGH_VALUE_BILLING),
                arguments(
                        "a high-value customer rates the delivery 3: the parcel came late",
                        detractor().valued(HIGH).about(DELIVERY).at(Touchpoint.DELIVERY),
                        Severity.CRITICAL,
                        "customer-care",
                        4,
                        CALL_BACK,
                        HIGH_VALUE),
                arguments(
                        "a low-value customer rates the web shop 1: billed for an order never placed",
                        detractor().valued(LOW).about(BILLING).at(WEB_SHOP),
                        Severity.HIGH,
                        "billing",
                        24,
                        CALL_BACK,
                        BILLING_PROBLEM),
                arguments(
                        "a customer of unknown value rates 0: the return was refused",
                        detractor().about(RETURNS).at(WEB_SHOP),
                        Severity.HIGH,
                        "returns",
                        24,
                        CALL_BACK,
                        RETURN_PROBLEM),
                arguments(
                        "a low-value customer rates the store 2: the sales assistant was rude",
                        detractor().valued(LOW).about(STAFF).at(STORE),
                        Severity.HIGH,
                        "store-management",
                        24,
                        CALL_BACK,
                        STORE_STAFF),
                arguments(
                        "a low-value customer rates the call center 2: the agent hung up",
                        detractor().valued(LOW).about(STAFF).at(CALL_CENTER),
                        Severity.HIGH,
                        "call-center-lead",
                        24,
                        CALL_BACK,
                        CALL_CENTER_STAFF),
                arguments(
                        "a low-value customer complains on social media that the parcel came late",
                        detractor().valued(LOW).about(DELIVERY).at(SOCIAL_MEDIA),
                        Severity.HIGH,
                        "social-media",
                        2,
                        CALL_BACK,
                        SOCIAL_MEDIA_COMPLAINT),
                arguments(
                        "a medium-value customer rates the delivery 4: the parcel came late",
                        detractor().valued(MEDIUM).about(DELIVERY).at(Touchpoint.DELIVERY),
                        Severity.HIGH,
                        "customer-care",
                        24,
                        CALL_BACK,
                        MEDIUM_VALUE),
                arguments(
                        "a low-value customer rates the delivery 3: the parcel came late",
                        detractor().valued(LOW).about(DELIVERY).at(Touchpoint.DELIVERY),
                        Severity.MEDIUM,
                        "logistics",
                        48,
                        APOLOGY_EMAIL,
                        LOW_VALUE_DELIVERY),
                arguments(
                        "a low-value customer rates the app 2: it crashes at checkout",
                        detractor().valued(LOW).about(WEBSITE_APP).at(APP),
                        Severity.MEDIUM,
                        "digital",
                        48,
                        APOLOGY_EMAIL,
                        LOW_VALUE_DIGITAL),
                arguments(
                        "a low-value customer rates the web shop 3: the prices are too high",
                        detractor().valued(LOW).about(PRICE).at(WEB_SHOP),
                        Severity.MEDIUM,
                        "customer-care",
                        48,
                        CALL_BACK,
                        ANY_DETRACTOR),
                arguments(
                        "a customer rates 10: great service in the store",
                        promoter().valued(LOW).about(STAFF).at(STORE),
                        Severity.LOW,
                        "advocacy",
                        0,
                        REVIEW_INVITE,
                        PROMOTER),
                arguments(
                        "a high-value customer rates 8 and says nothing",
                        passive().valued(HIGH).at(WEB_SHOP),
                        Severity.LOW,
                        "customer-care",
                        0,
                        THANK_YOU,
                        PASSIVE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneCasePerRow")
    void eachRowDecidesItsBusinessCase(
            String businessCase,
            TriageFixture feedback,
            Severity severity,
            String team,
            int slaHours,
            TriageAction action,
            String decidingRow) {
        TriageDecision decision = engine.triage(feedback.request());

        assertThat(decision.severity()).isEqualTo(severity);
        assertThat(decision.team()).isEqualTo(team);
        assertThat(decision.slaHours()).isEqualTo(slaHours);
        assertThat(decision.action()).isEqualTo(action);
        assertThat(decision.decidingRule()).isEqualTo(decidingRow);
        assertThat(decision.ruleSetVersion()).isEqualTo("triage@builtin-1");
    }

    @Test
    void everyRowOfTheTableHasAScenario() {
        List<String> covered = oneCasePerRow().map(a -> (String) a.get()[6]).toList();
        String drl = TriageEngine.toDrl(TriageTable.builtInBytes());

        assertThat(TriageTable.ruleNames(drl)).containsExactlyInAnyOrderElementsOf(covered);
    }

    @Test
    void whenSeveralTopicsMatchTheMostSevereRowDecidesAndAllMatchesAreListed() {
        TriageDecision decision = engine.triage(detractor()
                .valued(LOW)
                .about(DELIVERY, BILLING, PRICE)
                .at(WEB_SHOP)
                .request());

        assertThat(decision.team()).isEqualTo("billing");
        assertThat(decision.severity()).isEqualTo(Severity.HIGH);
        assertThat(decision.firedRules()).containsExactly(BILLING_PROBLEM, LOW_VALUE_DELIVERY, ANY_DETRACTOR);
    }

    @Test
    void amongEquallySevereRowsTheOneHigherInTheTableDecides() {
        TriageDecision decision = engine.triage(
                detractor().valued(LOW).about(WEBSITE_APP, DELIVERY).at(APP).request());

        assertThat(decision.decidingRule()).isEqualTo(LOW_VALUE_DELIVERY);
        assertThat(decision.team()).isEqualTo("logistics");
        assertThat(decision.firedRules()).containsExactly(LOW_VALUE_DELIVERY, LOW_VALUE_DIGITAL, ANY_DETRACTOR);
    }

    @Test
    void aHighValueDetractorIsCriticalWhateverTheTopic() {
        TriageDecision decision = engine.triage(detractor()
                .valued(HIGH)
                .about(STAFF, WAITING_TIME)
                .at(CALL_CENTER)
                .request());

        assertThat(decision.severity()).isEqualTo(CRITICAL);
        assertThat(decision.slaHours()).isEqualTo(4);
        assertThat(decision.firedRules()).containsExactly(HIGH_VALUE, CALL_CENTER_STAFF, ANY_DETRACTOR);
    }

    @Test
    void aDetractorWithoutTopicsOrKnownValueStillGetsACallBack() {
        TriageDecision decision = engine.triage(new TriageRequest(NpsClass.DETRACTOR, null, null, null));

        assertThat(decision.action()).isEqualTo(CALL_BACK);
        assertThat(decision.firedRules()).containsExactly(ANY_DETRACTOR);
    }

    @Test
    void aPromoterWithComplaintsInTheCommentIsStillInvitedToReview() {
        TriageDecision decision = engine.triage(
                promoter().valued(HIGH).about(PRODUCT_QUALITY, BILLING).request());

        assertThat(decision.action()).isEqualTo(REVIEW_INVITE);
        assertThat(decision.firedRules()).containsExactly(PROMOTER);
    }

    @Test
    void oneEngineServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TriageDecision>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                TriageFixture feedback = i % 2 == 0
                        ? detractor().valued(HIGH).about(BILLING)
                        : promoter().valued(LOW);
                futures.add(pool.submit(() -> engine.triage(feedback.request())));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get().decidingRule()).isEqualTo(i % 2 == 0 ? HIGH_VALUE_BILLING : PROMOTER);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
