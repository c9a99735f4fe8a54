package io.cxloop.rules.invitation;

import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailAndSmsConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsentAndAnOpenComplaintCase;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithoutConsent;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.model.Touchpoint;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.nba.Explanation;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in {@code survey-invitation} rules, one scenario per rule. */
class SurveyInvitationRulesTest {

    /** 11:00 in Berlin. */
    static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

    static final Duration MONTH = Duration.ofDays(30);

    static final String POST_CALL = "After a service call the call center offers the survey at the end of the call";
    static final String LINK_CHANNELS = "A survey link goes by e-mail, else by text message";
    static final String CONSENT = "A channel needs the customer's consent";
    static final String ADDRESS = "A channel needs a contact address";
    static final String ONCE_WITHIN_INTERVAL =
            "A customer is asked for a survey at most once within the minimum interval";
    static final String OPEN_CASE = "No survey invitation while a complaint case is open";
    static final String CHANNEL_CAP = "A survey link stays within the channel's marketing cap";
    static final String OVERALL_CAP = "A survey link stays within the marketing cap across all channels";
    static final String CHOSEN = "The first channel left asks the customer";
    static final String DELAY = "The invitation waits for the delay after the event";
    static final String QUIET_HOURS = "Quiet hours postpone a survey link until they end";
    static final String NOBODY = "Nobody is asked when no channel is left";

    private final InvitationEngine engine = InvitationEngine.builtIn(InvitationRuleSets.SURVEY);

    private static SurveyOccasion delivered() {
        return new SurveyOccasion("evt-1", "DELIVERED", Touchpoint.DELIVERY, null, MONTH);
    }

    private static SurveyOccasion serviceCall() {
        return new SurveyOccasion("evt-2", "SERVICE_CONTACT", Touchpoint.CALL_CENTER, null, MONTH);
    }

    private static CustomerProfile callableCustomerWithEmailConsent() {
        CustomerProfile email = germanCustomerWithEmailConsent();
        return new CustomerProfile(
                email.customerId(),
                email.language(),
                email.timezone(),
                email.email(),
                email.phone(),
                EnumSet.of(Channel.EMAIL, Channel.CALL_QUEUE));
    }

    private static ContactRecord marketing(Channel channel, Duration ago) {
        return new ContactRecord("cart-abandoned", channel, NOW.minus(ago), true);
    }

    private InvitationDecision decide(CustomerProfile customer, SurveyOccasion occasion, ContactRecord... contacts) {
        return decide(customer, occasion, NOW, contacts);
    }

    private InvitationDecision decide(
            CustomerProfile customer, SurveyOccasion occasion, Instant sendAt, ContactRecord... contacts) {
        return engine.decide(
                InvitationRequest.survey(customer, occasion, List.of(contacts), NOW, sendAt, ContactPolicy.DEFAULT));
    }

    private static List<String> fired(InvitationDecision decision) {
        return decision.explanations().stream().map(Explanation::rule).toList();
    }

    @Test
    void aDeliveryIsRatedThroughALinkByEmailThatCountsAsMarketing() {
        InvitationDecision decision = decide(germanCustomerWithEmailConsent(), delivered());

        assertThat(decision.channel()).isEqualTo(Channel.EMAIL);
        assertThat(decision.marketing()).isTrue();
        assertThat(decision.notBefore()).isNull();
        assertThat(decision.ruleSetVersion()).isEqualTo("survey-invitation@builtin-1");
        assertThat(fired(decision)).containsSubsequence(LINK_CHANNELS, CHOSEN);
        assertThat(decision.explanations())
                .contains(new Explanation(
                        CHOSEN,
                        "EMAIL chosen: the customer is asked to rate DELIVERY after DELIVERED (counts as marketing)"));
    }

    @Test
    void afterAServiceCallTheCallCenterOffersThePostCallSurvey() {
        InvitationDecision decision = decide(callableCustomerWithEmailConsent(), serviceCall());

        assertThat(decision.channel()).isEqualTo(Channel.CALL_QUEUE);
        assertThat(decision.marketing())
                .as("offered within the customer's own call")
                .isFalse();
        assertThat(fired(decision)).contains(POST_CALL, CHOSEN);
    }

    @Test
    void aCallerWhoMayNotBeCalledGetsTheLinkByEmail() {
        InvitationDecision decision = decide(germanCustomerWithEmailConsent(), serviceCall());

        assertThat(decision.channel()).isEqualTo(Channel.EMAIL);
        assertThat(decision.explanations())
                .contains(
                        new Explanation(CONSENT, "CALL_QUEUE rejected: the customer has not consented to CALL_QUEUE"));
    }

    @Test
    void withoutAPhoneNumberTheLinkGoesByEmail() {
        CustomerProfile noPhone = new CustomerProfile(
                "c-1002", "en", "Europe/London", "jo@example.org", null, EnumSet.of(Channel.EMAIL, Channel.SMS));

        InvitationDecision decision = decide(noPhone, delivered());

        assertThat(decision.channel()).isEqualTo(Channel.EMAIL);
        InvitationDecision noEmail = decide(
                new CustomerProfile("c-1003", "en", "Europe/London", null, "+447700900123", EnumSet.of(Channel.EMAIL)),
                delivered());
        assertThat(noEmail.invites()).isFalse();
        assertThat(fired(noEmail)).contains(ADDRESS, NOBODY);
    }

    @Test
    void aCustomerWhoConsentedToNothingIsNotAsked() {
        InvitationDecision decision = decide(germanCustomerWithoutConsent(), delivered());

        assertThat(decision.invites()).isFalse();
        assertThat(decision.explanations())
                .contains(new Explanation(
                        NOBODY, "No survey invitation after DELIVERED: no channel is allowed for" + " this customer"));
    }

    @Test
    void aCustomerIsAskedAtMostOnceAMonth() {
        SurveyOccasion askedTenDaysAgo =
                new SurveyOccasion("evt-3", "DELIVERED", Touchpoint.DELIVERY, NOW.minus(Duration.ofDays(10)), MONTH);

        InvitationDecision decision = decide(germanCustomerWithEmailConsent(), askedTenDaysAgo);

        assertThat(decision.invites()).isFalse();
        assertThat(fired(decision)).contains(ONCE_WITHIN_INTERVAL).doesNotContain(NOBODY);
        SurveyOccasion askedLongAgo =
                new SurveyOccasion("evt-4", "DELIVERED", Touchpoint.DELIVERY, NOW.minus(Duration.ofDays(31)), MONTH);
        assertThat(decide(germanCustomerWithEmailConsent(), askedLongAgo).invites())
                .isTrue();
    }

    @Test
    void aCustomerWithAnOpenComplaintCaseWaitsForTheCasesFollowUp() {
        InvitationDecision decision = decide(germanCustomerWithEmailConsentAndAnOpenComplaintCase(), delivered());

        assertThat(decision.invites()).isFalse();
        assertThat(fired(decision)).contains(OPEN_CASE);
    }

    @Test
    void aSurveyLinkCountsAgainstTheMarketingCapsButThePostCallSurveyDoesNot() {
        ContactRecord[] twoThisWeek = {
            marketing(Channel.EMAIL, Duration.ofDays(1)), marketing(Channel.SMS, Duration.ofDays(2))
        };

        InvitationDecision link = decide(germanCustomerWithEmailAndSmsConsent(), delivered(), twoThisWeek);
        assertThat(link.invites()).isFalse();
        assertThat(fired(link)).contains(OVERALL_CAP);
        assertThat(link.explanations())
                .contains(new Explanation(
                        OVERALL_CAP,
                        "EMAIL rejected: the customer got 2 marketing message(s) within 7 days across all channels;"
                                + " the cap is 2"));

        InvitationDecision postCall = decide(callableCustomerWithEmailConsent(), serviceCall(), twoThisWeek);
        assertThat(postCall.channel()).isEqualTo(Channel.CALL_QUEUE);
    }

    @Test
    void aTextMessageAtItsChannelCapIsRejected() {
        CustomerProfile smsOnly = new CustomerProfile(
                "c-1004", "de", "Europe/Berlin", null, "+4915123456789", EnumSet.of(Channel.EMAIL, Channel.SMS));

        InvitationDecision decision = decide(smsOnly, delivered(), marketing(Channel.SMS, Duration.ofDays(3)));

        assertThat(decision.invites()).isFalse();
        assertThat(fired(decision)).contains(CHANNEL_CAP);
    }

    @Test
    void theInvitationWaitsForTheDelayAfterTheEvent() {
        Instant twoDaysLater = NOW.plus(Duration.ofDays(2));

        InvitationDecision decision = decide(germanCustomerWithEmailConsent(), delivered(), twoDaysLater);

        assertThat(decision.channel()).isEqualTo(Channel.EMAIL);
        assertThat(decision.notBefore()).isEqualTo(twoDaysLater);
        assertThat(decision.explanations())
                .contains(new Explanation(
                        DELAY, "EMAIL invitation waits until 2025-06-04T09:00:00Z, 2 days after DELIVERED"));
    }

    @Test
    void aDelayThatEndsInTheNightWaitsForTheMorning() {
        // 23:30 in Berlin, two days after a delivery at 23:30
        Instant lateAtNight = Instant.parse("2025-06-04T21:30:00Z");

        InvitationDecision decision = decide(germanCustomerWithEmailConsent(), delivered(), lateAtNight);

        assertThat(decision.notBefore()).isEqualTo(Instant.parse("2025-06-05T06:00:00Z"));
        assertThat(fired(decision)).contains(DELAY, QUIET_HOURS);
    }
}
