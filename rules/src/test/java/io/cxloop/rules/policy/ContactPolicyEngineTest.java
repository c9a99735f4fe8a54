package io.cxloop.rules.policy;

import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithCallConsentButNoPhone;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailAndSmsConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailAndSmsConsentButNoEmailAddress;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsentAndAnOpenComplaintCase;
import static io.cxloop.rules.nba.DecisionFixture.NOW;
import static io.cxloop.rules.nba.ReconnectFixture.cartAbandonedTriggerPreferringSms;
import static io.cxloop.rules.nba.ReconnectFixture.fifteenPercentForADayWithFreeExpress;
import static io.cxloop.rules.nba.ReconnectFixture.highValueCartCallBackTrigger;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contact-policy rule set alone (as its scenario tests run it) and composed into the next-best-action decision:
 * every rule, the caps counted over all processes' messages, quiet hours that postpone and never drop.
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

    private static ContactRecord marketing(String process, Channel channel, Duration ago) {
        return new ContactRecord(process, channel, NOW.minus(ago), true);
    }

    private ContactPolicyOutcome evaluate(
            CustomerProfile customer, ReconnectContext trigger, Instant now, ContactRecord... contacts) {
        return policy.evaluate(new NextBestActionRequest(customer, trigger, List.of(contacts), now));
    }

    private static List<String> rulesOf(ContactPolicyOutcome outcome) {
        return outcome.explanations().stream().map(Explanation::rule).toList();
    }

    @Test
    void aChannelWithoutConsentIsRejected() {
        ContactPolicyOutcome outcome =
                evaluate(germanCustomerWithEmailConsent(), cartAbandonedTriggerPreferringSms(), NOW);

        assertThat(outcome.rejected()).containsExactly(Channel.SMS);
        assertThat(outcome.allowed()).containsExactly(Channel.EMAIL);
        assertThat(outcome.chosen()).isEqualTo(Channel.EMAIL);
        assertThat(outcome.vetoed()).isFalse();
        assertThat(outcome.explanations())
                .containsExactly(new Explanation(
                        "Channel needs the customer's consent", "SMS rejected: the customer has not consented to SMS"));
        assertThat(outcome.ruleSetVersion()).isEqualTo(ContactPolicyRuleSet.BUILT_IN_VERSION);
    }

    @Test
    void aChannelWithoutAddressIsRejected() {
        ContactPolicyOutcome email = evaluate(
                germanCustomerWithEmailAndSmsConsentButNoEmailAddress(),
                new ReconnectContext(
                        "cart-abandoned",
                        List.of(Channel.EMAIL, Channel.SMS),
                        Duration.ofDays(7),
                        fifteenPercentForADayWithFreeExpress()),
                NOW);
        ContactPolicyOutcome call =
                evaluate(germanCustomerWithCallConsentButNoPhone(), highValueCartCallBackTrigger(), NOW);

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
    void anOpenComplaintCaseVetoesMarketing() {
        ContactPolicyOutcome outcome = evaluate(
                germanCustomerWithEmailConsentAndAnOpenComplaintCase(), cartAbandonedTriggerPreferringSms(), NOW);

        assertThat(outcome.vetoes()).containsExactly("No marketing while a complaint case is open");
        assertThat(outcome.allowed()).containsExactly(Channel.SMS, Channel.EMAIL);
        assertThat(outcome.chosen()).isNull();
    }

    @Test
    void aSecondMessageWithinTheReEntryWindowIsVetoed() {
        ContactPolicyOutcome outcome = evaluate(
                germanCustomerWithEmailAndSmsConsent(),
                cartAbandonedTriggerPreferringSms(),
                NOW,
                marketing("cart-abandoned", Channel.EMAIL, Duration.ofDays(3)));

        assertThat(outcome.vetoes())
                .containsExactly("At most one reconnect message per customer within the re-entry window");
    }

    @Test
    void theChannelCapCountsMessagesOfEveryProcessOnThatChannel() {
        ContactPolicyOutcome outcome = evaluate(
                germanCustomerWithEmailAndSmsConsent(),
                dailyTriggerPreferringSms(),
                NOW,
                marketing("winback-campaign", Channel.SMS, Duration.ofDays(3)));

        assertThat(outcome.rejected()).containsExactly(Channel.SMS);
        assertThat(outcome.chosen()).isEqualTo(Channel.EMAIL);
        assertThat(outcome.explanations())
                .containsExactly(new Explanation(
                        "Marketing on a channel stays within the channel's cap",
                        "SMS rejected: the customer got 1 marketing message(s) on SMS within 7 days; the cap of SMS"
                                + " is 1"));
    }

    @Test
    void theOverallCapCountsMessagesOfEveryProcessOnEveryChannelButNotServiceMessages() {
        ContactPolicyOutcome capped = evaluate(
                germanCustomerWithEmailAndSmsConsent(),
                dailyTriggerPreferringSms(),
                NOW,
                marketing("survey-invitation", Channel.EMAIL, Duration.ofDays(2)),
                marketing("cart-abandoned", Channel.CALL_QUEUE, Duration.ofDays(5)));
        ContactPolicyOutcome servicesOnly = evaluate(
                germanCustomerWithEmailAndSmsConsent(),
                dailyTriggerPreferringSms(),
                NOW,
                new ContactRecord(null, Channel.EMAIL, NOW.minus(Duration.ofDays(2)), false),
                new ContactRecord(null, Channel.EMAIL, NOW.minus(Duration.ofDays(3)), false));

        assertThat(capped.vetoes()).containsExactly("Marketing stays within the cap across all channels");
        assertThat(servicesOnly.vetoed()).isFalse();
        assertThat(servicesOnly.chosen()).isEqualTo(Channel.SMS);
    }

    @Test
    void quietHoursPostponeTheChosenMessageAndDoNotDropIt() {
        // 22:30 in Berlin (summer time)
        ContactPolicyOutcome outcome = evaluate(
                germanCustomerWithEmailConsent(), dailyTriggerPreferringSms(), Instant.parse("2025-06-02T20:30:00Z"));

        assertThat(outcome.vetoed()).isFalse();
        assertThat(outcome.chosen()).isEqualTo(Channel.EMAIL);
        assertThat(outcome.notBefore()).isEqualTo(Instant.parse("2025-06-03T06:00:00Z"));
        assertThat(outcome.explanations())
                .last()
                .isEqualTo(new Explanation(
                        "Quiet hours postpone the message until they end",
                        "EMAIL message postponed until 08:00 (Europe/Berlin): quiet hours from 21:00 to 08:00 in the"
                                + " customer's time zone"));
    }

    @Test
    void quietHoursPostponeNothingWhenNoMessageGoes() {
        ContactPolicyOutcome outcome = evaluate(
                germanCustomerWithEmailConsentAndAnOpenComplaintCase(),
                dailyTriggerPreferringSms(),
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
        assertThat(onePerWeek.evaluate(oneEmailThisWeek).vetoed()).isTrue();
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
