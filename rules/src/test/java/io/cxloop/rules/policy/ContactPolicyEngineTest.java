package io.cxloop.rules.policy;

import static io.cxloop.rules.model.CustomerFixture.germanCustomerConsentingTo;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithCallConsentButNoPhone;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailAndSmsConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailAndSmsConsentButNoEmailAddress;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsentAndAnOpenComplaintCase;
import static io.cxloop.rules.nba.DecisionFixture.NOW;
import static io.cxloop.rules.nba.ReconnectFixture.fifteenPercentForADayWithFreeExpress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxloop.rules.RuleSetCompilationException;
import io.cxloop.rules.lifecycle.RuleSetSafety;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.nba.ActionType;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.nba.Explanation;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.NextBestActionRuleSet;
import io.cxloop.rules.nba.ReconnectContext;
import io.cxloop.rules.policy.ContactPolicyRequest.ChannelOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contact-policy rule set alone (as its scenario tests run it) and composed into the next-best-action decision:
 * every rule for marketing and for service messages, the caps counted over all processes' messages, quiet hours that
 * postpone and never drop.
 */
class ContactPolicyEngineTest {

    private static final String POLICY_PATH = "io/cxloop/rules/policy/contact-policy-v2.drl";

    private final ContactPolicyEngine policy = ContactPolicyEngine.builtIn();

    /** SMS first, then e-mail, re-entry after one day: the weekly caps are what limits. */
    private static ReconnectContext dailyTriggerPreferringSms() {
        return new ReconnectContext(
                "browse-abandoned",
                List.of(Channel.SMS, Channel.EMAIL),
                Duration.ofDays(1),
                fifteenPercentForADayWithFreeExpress());
    }

    private static List<ChannelOption> marketingOn(Channel... channels) {
        return Stream.of(channels)
                .map(channel -> new ChannelOption(channel, Purpose.MARKETING, false))
                .toList();
    }

    private static List<ChannelOption> serviceOn(Channel... channels) {
        return Stream.of(channels)
                .map(channel -> new ChannelOption(channel, Purpose.SERVICE, false))
                .toList();
    }

    private static ContactRecord marketing(String process, Channel channel, Duration ago) {
        return new ContactRecord(process, channel, NOW.minus(ago), true);
    }

    private ContactPolicyOutcome evaluate(
            CustomerProfile customer, List<ChannelOption> channels, Instant now, ContactRecord... contacts) {
        return policy.evaluate(new ContactPolicyRequest(customer, channels, List.of(contacts), now, null, null));
    }

    private static List<String> rulesOf(ContactPolicyOutcome outcome) {
        return outcome.explanations().stream().map(Explanation::rule).toList();
    }

    @Test
    void aChannelWithoutConsentIsRejectedForServiceAndMarketing() {
        ContactPolicyOutcome marketing =
                evaluate(germanCustomerWithEmailConsent(), marketingOn(Channel.SMS, Channel.EMAIL), NOW);
        ContactPolicyOutcome service =
                evaluate(germanCustomerWithEmailConsent(), serviceOn(Channel.SMS, Channel.EMAIL), NOW);

        for (ContactPolicyOutcome outcome : List.of(marketing, service)) {
            assertThat(outcome.rejected()).containsExactly(Channel.SMS);
            assertThat(outcome.allowed()).containsExactly(Channel.EMAIL);
            assertThat(outcome.chosen()).isEqualTo(Channel.EMAIL);
            assertThat(outcome.vetoed()).isFalse();
            assertThat(outcome.explanations())
                    .containsExactly(new Explanation(
                            "Channel needs the customer's consent",
                            "SMS rejected: the customer has not consented to SMS"));
            assertThat(outcome.ruleSetVersion()).isEqualTo(ContactPolicyRuleSet.BUILT_IN_VERSION);
        }
    }

    @Test
    void aChannelWithoutAddressIsRejectedForServiceAndMarketing() {
        ContactPolicyOutcome email = evaluate(
                germanCustomerWithEmailAndSmsConsentButNoEmailAddress(), marketingOn(Channel.EMAIL, Channel.SMS), NOW);
        ContactPolicyOutcome call =
                evaluate(germanCustomerWithCallConsentButNoPhone(), serviceOn(Channel.CALL_QUEUE), NOW);

        assertThat(email.rejected()).containsExactly(Channel.EMAIL);
        assertThat(email.chosen()).isEqualTo(Channel.SMS);
        assertThat(rulesOf(email)).containsExactly("Channel needs a contact address");
        assertThat(call.allowed()).isEmpty();
        assertThat(call.chosen()).isNull();
        assertThat(call.explanations())
                .containsExactly(new Explanation(
                        "Channel needs a contact address", "CALL_QUEUE rejected: the customer has no phone number"));
    }

    @Test
    void anOpenComplaintCaseVetoesMarketingButNotAServiceMessage() {
        ContactPolicyOutcome marketing =
                evaluate(germanCustomerWithEmailConsentAndAnOpenComplaintCase(), marketingOn(Channel.EMAIL), NOW);
        ContactPolicyOutcome service =
                evaluate(germanCustomerWithEmailConsentAndAnOpenComplaintCase(), serviceOn(Channel.EMAIL), NOW);

        assertThat(marketing.vetoes()).containsExactly("No marketing while a complaint case is open");
        assertThat(marketing.rejected()).containsExactly(Channel.EMAIL);
        assertThat(marketing.chosen()).isNull();
        assertThat(marketing.explanations())
                .containsExactly(new Explanation(
                        "No marketing while a complaint case is open",
                        "No marketing message: the customer has an open complaint case; marketing waits until the loop"
                                + " is closed"));
        assertThat(service.vetoed()).isFalse();
        assertThat(service.chosen()).isEqualTo(Channel.EMAIL);
        assertThat(service.explanations()).isEmpty();
    }

    @Test
    void theChannelCapCountsMarketingOfEveryProcessOnThatChannelAndSparesServiceMessages() {
        ContactRecord smsThreeDaysAgo = marketing("winback-campaign", Channel.SMS, Duration.ofDays(3));
        ContactPolicyOutcome marketing = evaluate(
                germanCustomerWithEmailAndSmsConsent(), marketingOn(Channel.SMS, Channel.EMAIL), NOW, smsThreeDaysAgo);
        ContactPolicyOutcome service = evaluate(
                germanCustomerWithEmailAndSmsConsent(), serviceOn(Channel.SMS, Channel.EMAIL), NOW, smsThreeDaysAgo);

        assertThat(marketing.rejected()).containsExactly(Channel.SMS);
        assertThat(marketing.chosen()).isEqualTo(Channel.EMAIL);
        assertThat(marketing.explanations())
                .containsExactly(new Explanation(
                        "Marketing on a channel stays within the channel's cap",
                        "SMS rejected: the customer got 1 marketing message(s) on SMS within 7 days; the cap of SMS"
                                + " is 1"));
        assertThat(service.rejected()).isEmpty();
        assertThat(service.chosen()).isEqualTo(Channel.SMS);
    }

    @Test
    void theOverallCapCountsMarketingOfEveryProcessOnEveryChannelButNotServiceMessages() {
        ContactRecord[] twoThisWeek = {
            marketing("survey-invitation", Channel.EMAIL, Duration.ofDays(2)),
            marketing("cart-abandoned", Channel.CALL_QUEUE, Duration.ofDays(5))
        };
        ContactPolicyOutcome capped = evaluate(
                germanCustomerWithEmailAndSmsConsent(), marketingOn(Channel.SMS, Channel.EMAIL), NOW, twoThisWeek);
        ContactPolicyOutcome serviceAtTheCap = evaluate(
                germanCustomerWithEmailAndSmsConsent(), serviceOn(Channel.SMS, Channel.EMAIL), NOW, twoThisWeek);
        ContactPolicyOutcome afterServicesOnly = evaluate(
                germanCustomerWithEmailAndSmsConsent(),
                marketingOn(Channel.SMS, Channel.EMAIL),
                NOW,
                new ContactRecord(null, Channel.EMAIL, NOW.minus(Duration.ofDays(2)), false),
                new ContactRecord(null, Channel.EMAIL, NOW.minus(Duration.ofDays(3)), false));

        assertThat(capped.vetoes()).containsExactly("Marketing stays within the cap across all channels");
        assertThat(capped.allowed()).isEmpty();
        assertThat(serviceAtTheCap.vetoed()).isFalse();
        assertThat(serviceAtTheCap.chosen()).isEqualTo(Channel.SMS);
        assertThat(afterServicesOnly.vetoed()).isFalse();
        assertThat(afterServicesOnly.chosen()).isEqualTo(Channel.SMS);
    }

    @Test
    void aMarketingVetoLeavesTheServiceChannelsOfTheSameMessage() {
        CustomerProfile customer = germanCustomerConsentingTo(Channel.EMAIL, Channel.SMS, Channel.CALL_QUEUE);
        List<ChannelOption> postCallSurvey = List.of(
                new ChannelOption(Channel.CALL_QUEUE, Purpose.SERVICE, true),
                new ChannelOption(Channel.EMAIL, Purpose.MARKETING, false));

        ContactPolicyOutcome outcome = evaluate(
                customer,
                postCallSurvey,
                NOW,
                marketing("survey-invitation", Channel.EMAIL, Duration.ofDays(2)),
                marketing("cart-abandoned", Channel.SMS, Duration.ofDays(5)));

        assertThat(outcome.vetoes()).containsExactly("Marketing stays within the cap across all channels");
        assertThat(outcome.allowed()).containsExactly(Channel.CALL_QUEUE);
        assertThat(outcome.rejected()).containsExactly(Channel.EMAIL);
    }

    @Test
    void quietHoursPostponeMarketingAndServiceAndDoNotDropThem() {
        // 22:30 in Berlin (summer time)
        Instant night = Instant.parse("2025-06-02T20:30:00Z");
        ContactPolicyOutcome marketing = evaluate(germanCustomerWithEmailConsent(), marketingOn(Channel.EMAIL), night);
        ContactPolicyOutcome service = evaluate(germanCustomerWithEmailConsent(), serviceOn(Channel.EMAIL), night);

        for (ContactPolicyOutcome outcome : List.of(marketing, service)) {
            assertThat(outcome.vetoed()).isFalse();
            assertThat(outcome.chosen()).isEqualTo(Channel.EMAIL);
            assertThat(outcome.notBefore()).isEqualTo(Instant.parse("2025-06-03T06:00:00Z"));
            assertThat(outcome.explanations())
                    .last()
                    .isEqualTo(new Explanation(
                            "Quiet hours postpone the message until they end",
                            "EMAIL message postponed until 08:00 (Europe/Berlin): quiet hours from 21:00 to 08:00 in"
                                    + " the customer's time zone"));
        }
    }

    @Test
    void quietHoursCountAtTheTimeTheMessageIsMeantToGo() {
        ContactPolicyOutcome outcome = policy.evaluate(new ContactPolicyRequest(
                germanCustomerWithEmailConsent(),
                marketingOn(Channel.EMAIL),
                List.of(),
                NOW,
                Instant.parse("2025-06-02T20:30:00Z"),
                null));

        assertThat(outcome.notBefore()).isEqualTo(Instant.parse("2025-06-03T06:00:00Z"));
    }

    @Test
    void quietHoursDoNotDelayWhatIsOfferedWithinTheCustomersOwnCall() {
        CustomerProfile caller = germanCustomerConsentingTo(Channel.CALL_QUEUE);

        ContactPolicyOutcome outcome = evaluate(
                caller,
                List.of(new ChannelOption(Channel.CALL_QUEUE, Purpose.SERVICE, true)),
                Instant.parse("2025-06-02T20:30:00Z"));

        assertThat(outcome.chosen()).isEqualTo(Channel.CALL_QUEUE);
        assertThat(outcome.notBefore()).isNull();
    }

    @Test
    void quietHoursPostponeNothingWhenNoMessageGoes() {
        ContactPolicyOutcome outcome = evaluate(
                germanCustomerWithEmailConsentAndAnOpenComplaintCase(),
                marketingOn(Channel.SMS, Channel.EMAIL),
                Instant.parse("2025-06-02T20:30:00Z"));

        assertThat(outcome.notBefore()).isNull();
        assertThat(rulesOf(outcome)).doesNotContain("Quiet hours postpone the message until they end");
    }

    @Test
    void theBuiltInDecisionRecordsBothVersions() {
        NextBestAction action = NextBestActionEngine.builtIn()
                .decide(new NextBestActionRequest(
                        germanCustomerWithEmailConsent(), dailyTriggerPreferringSms(), List.of(), NOW));

        assertThat(action.ruleSetVersion()).isEqualTo("next-best-action@builtin-1");
        assertThat(action.contactPolicyVersion()).isEqualTo("contact-policy@builtin-1");
        assertThat(action.channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void aStricterPolicyComposedWithTheSameDecisionRulesChangesTheDecision() {
        String stricter = builtInPolicyDrl()
                .replace(
                        "eval( $request.marketingContactsInWindow() >= $cap )",
                        "eval( $request.marketingContactsInWindow() >= 1 )");
        assertThat(RuleSetSafety.findings(POLICY_PATH, stricter, ContactPolicyRuleSet.FACT_MODEL))
                .isEmpty();
        ContactPolicyEngine onePerWeek =
                ContactPolicyEngine.fromDrl("contact-policy@v2", Map.of(POLICY_PATH, stricter));
        NextBestActionEngine builtIn = NextBestActionEngine.builtIn();
        NextBestActionEngine composed = builtIn.withContactPolicy(onePerWeek);
        NextBestActionRequest oneEmailThisWeek = new NextBestActionRequest(
                germanCustomerWithEmailConsent(),
                dailyTriggerPreferringSms(),
                List.of(marketing("survey-invitation", Channel.EMAIL, Duration.ofDays(3))),
                NOW,
                ContactPolicy.DEFAULT);

        NextBestAction before = builtIn.decide(oneEmailThisWeek);
        NextBestAction after = composed.decide(oneEmailThisWeek);

        assertThat(before.action()).isEqualTo(ActionType.RECONNECT_OFFER);
        assertThat(after.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(after.ruleSetVersion()).isEqualTo("next-best-action@builtin-1");
        assertThat(after.contactPolicyVersion()).isEqualTo("contact-policy@v2");
        assertThat(after.explanations())
                .extracting(Explanation::rule)
                .contains("Marketing stays within the cap across all channels");
        assertThat(onePerWeek
                        .evaluate(new ContactPolicyRequest(
                                germanCustomerWithEmailConsent(),
                                marketingOn(Channel.EMAIL),
                                oneEmailThisWeek.recentContacts(),
                                NOW,
                                null,
                                null))
                        .vetoed())
                .isTrue();
    }

    @Test
    void theBuiltInPolicyPassesItsOwnSafetyCheck() {
        assertThat(RuleSetSafety.findings(
                        ContactPolicyRuleSet.BUILT_IN_DRL, builtInPolicyDrl(), ContactPolicyRuleSet.FACT_MODEL))
                .isEmpty();
        assertThat(RuleSetSafety.findings(
                        NextBestActionRuleSet.BUILT_IN_DRL,
                        read(NextBestActionRuleSet.BUILT_IN_DRL),
                        NextBestActionRuleSet.FACT_MODEL))
                .isEmpty();
    }

    @Test
    void aPolicyThatDoesNotCompileIsRefusedWithItsVersion() {
        String broken = builtInPolicyDrl().replace("ChannelCandidate( $channel : channel )", "NoSuchFact( )");

        assertThatThrownBy(() -> ContactPolicyEngine.fromDrl("contact-policy@v3", Map.of(POLICY_PATH, broken)))
                .isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("contact-policy@v3")
                .hasMessageContaining("NoSuchFact");
    }

    private static String builtInPolicyDrl() {
        return read(ContactPolicyRuleSet.BUILT_IN_DRL);
    }

    private static String read(String path) {
        try (InputStream in = ContactPolicyEngineTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
