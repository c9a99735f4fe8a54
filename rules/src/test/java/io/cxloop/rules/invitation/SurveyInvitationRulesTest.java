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
import io.cxloop.rules.policy.ContactPolicyEngine;
import io.cxloop.rules.policy.ContactPolicyRuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code survey-invitation} rules composed with the built-in contact policy, one scenario per rule: the
 * invitation's own (channels, interval, delay) and the policy's as they apply to a survey link (marketing) and to the
 * post-call survey (service, within the customer's own call).
 */
class SurveyInvitationRulesTest {

    /** 11:00 in Berlin. */
    static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

    static final Duration MONTH = Duration.ofDays(30);

    static final String POST_CALL = "After a service call the call center offers the survey at the end of the call";
    static final String LINK_CHANNELS = "A survey link goes by e-mail, else by text message";
    // the contact policy's rules, composed into the decision
    static final String CONSENT = "Channel needs the customer's consent";
    static final String ADDRESS = "Channel needs a contact address";
    static final String ONCE_WITHIN_INTERVAL =
            "A customer is asked for a survey at most once within the minimum interval";
    static final String OPEN_CASE = "No survey invitation while a complaint case is open";
    static final String CHANNEL_CAP = "Marketing on a channel stays within the channel's cap";
    static final String OVERALL_CAP = "Marketing stays within the cap across all channels";
    static final String CHOSEN = "The first channel left asks the customer";
    static final String DELAY = "The invitation waits for the delay after the event";
    static final String QUIET_HOURS = "Quiet hours postpone the message until they end";
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
        assertThat(decision.contactPolicyVersion()).isEqualTo("contact-policy@builtin-1");
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
                        "No marketing message: the customer got 2 marketing message(s) within 7 days across all"
                                + " channels; the cap is 2"));

        InvitationDecision postCall = decide(callableCustomerWithEmailConsent(), serviceCall(), twoThisWeek);
        assertThat(postCall.channel()).isEqualTo(Channel.CALL_QUEUE);
        assertThat(postCall.marketing()).isFalse();
    }

    @Test
    void aCustomerWithAnOpenComplaintCaseIsNotOfferedThePostCallSurveyEither() {
        CustomerProfile caller = callableCustomerWithEmailConsent().withOpenComplaintCases(1);

        InvitationDecision decision = decide(caller, serviceCall());

        assertThat(decision.invites()).isFalse();
        assertThat(fired(decision)).contains(OPEN_CASE);
    }

    @Test
    void quietHoursDoNotDelayThePostCallSurveyWithinTheCustomersOwnCall() {
        // a call at 22:30 in Berlin
        Instant lateCall = Instant.parse("2025-06-02T20:30:00Z");
        InvitationDecision decision = engine.decide(InvitationRequest.survey(
                callableCustomerWithEmailConsent(), serviceCall(), List.of(), lateCall, lateCall, null));

        assertThat(decision.channel()).isEqualTo(Channel.CALL_QUEUE);
        assertThat(decision.notBefore()).isNull();
        assertThat(fired(decision)).doesNotContain(QUIET_HOURS);
    }

    @Test
    void aStricterContactPolicyComposedWithTheSameSurveyRulesChangesTheInvitation() {
        String stricter = read(ContactPolicyRuleSet.BUILT_IN_DRL)
                .replace(
                        "eval( $request.marketingContactsInWindow() >= $cap )",
                        "eval( $request.marketingContactsInWindow() >= 0 )");
        ContactPolicyEngine noMarketing = ContactPolicyEngine.fromDrl(
                "contact-policy@v9", Map.of("io/cxloop/rules/policy/contact-policy-v9.drl", stricter));
        InvitationEngine composed = engine.withContactPolicy(noMarketing);

        InvitationDecision link = composed.decide(
                InvitationRequest.survey(germanCustomerWithEmailConsent(), delivered(), List.of(), NOW, NOW, null));
        InvitationDecision postCall = composed.decide(
                InvitationRequest.survey(callableCustomerWithEmailConsent(), serviceCall(), List.of(), NOW, NOW, null));

        assertThat(link.invites()).isFalse();
        assertThat(link.contactPolicyVersion()).isEqualTo("contact-policy@v9");
        assertThat(link.ruleSetVersion()).isEqualTo("survey-invitation@builtin-1");
        assertThat(fired(link)).contains(OVERALL_CAP);
        assertThat(postCall.channel()).as("a service, not marketing").isEqualTo(Channel.CALL_QUEUE);
        assertThat(engine.decide(InvitationRequest.survey(
                                germanCustomerWithEmailConsent(), delivered(), List.of(), NOW, NOW, null))
                        .invites())
                .as("the engine it was composed from is unchanged")
                .isTrue();
    }

    private static String read(String path) {
        try (InputStream in = SurveyInvitationRulesTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
