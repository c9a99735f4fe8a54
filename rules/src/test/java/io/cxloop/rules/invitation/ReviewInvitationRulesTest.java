package io.cxloop.rules.invitation;

import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsentAndAnOpenComplaintCase;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithSmsConsentOnly;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.lifecycle.RuleSetSafety;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.model.Touchpoint;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.nba.Explanation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code review-invitation} rules: advocacy is marketing, under the whole contact policy composed into the
 * decision.
 */
class ReviewInvitationRulesTest {

    static final Instant NOW = SurveyInvitationRulesTest.NOW;

    static final String EMAIL = "A promoter is invited to write a review by e-mail";
    // the contact policy's rules, composed into the decision
    static final String OPEN_CASE = "No marketing while a complaint case is open";
    static final String CHANNEL_CAP = "Marketing on a channel stays within the channel's cap";
    static final String OVERALL_CAP = "Marketing stays within the cap across all channels";
    static final String CHOSEN = "The first channel left invites the customer";
    static final String QUIET_HOURS = "Quiet hours postpone the message until they end";
    static final String ONLY_PROMOTERS = "Only promoters are invited to write a review";
    static final String NOBODY = "Nobody is invited when no channel is left";

    private final InvitationEngine engine = InvitationEngine.builtIn(InvitationRuleSets.REVIEW);

    private static ReviewOccasion promoter() {
        return new ReviewOccasion("fb-1", NpsClass.PROMOTER, Touchpoint.STORE);
    }

    private InvitationDecision decide(
            CustomerProfile customer, ReviewOccasion occasion, Instant now, ContactRecord... contacts) {
        return engine.decide(
                InvitationRequest.review(customer, occasion, List.of(contacts), now, ContactPolicy.DEFAULT));
    }

    private static List<String> fired(InvitationDecision decision) {
        return decision.explanations().stream().map(Explanation::rule).toList();
    }

    @Test
    void aPromoterIsInvitedByEmailAsMarketing() {
        InvitationDecision decision = decide(germanCustomerWithEmailConsent(), promoter(), NOW);

        assertThat(decision.channel()).isEqualTo(Channel.EMAIL);
        assertThat(decision.marketing()).isTrue();
        assertThat(decision.notBefore()).isNull();
        assertThat(decision.ruleSetVersion()).isEqualTo("review-invitation@builtin-1");
        assertThat(decision.contactPolicyVersion()).isEqualTo("contact-policy@builtin-1");
        assertThat(fired(decision)).containsSubsequence(EMAIL, CHOSEN);
    }

    @Test
    void aPromoterWithAnOpenComplaintCaseIsNotInvited() {
        InvitationDecision decision = decide(germanCustomerWithEmailConsentAndAnOpenComplaintCase(), promoter(), NOW);

        assertThat(decision.invites()).isFalse();
        assertThat(decision.explanations())
                .contains(new Explanation(
                        OPEN_CASE,
                        "No marketing message: the customer has an open complaint case; marketing waits until the"
                                + " loop is closed"));
        assertThat(fired(decision)).doesNotContain(NOBODY);
    }

    @Test
    void aPromoterWhoGotTwoMarketingMessagesThisWeekIsNotInvited() {
        InvitationDecision decision = decide(
                germanCustomerWithEmailConsent(),
                promoter(),
                NOW,
                new ContactRecord("cart-abandoned", Channel.EMAIL, NOW.minus(Duration.ofDays(1)), true),
                new ContactRecord(null, Channel.EMAIL, NOW.minus(Duration.ofDays(6)), true),
                new ContactRecord(null, Channel.EMAIL, NOW.minus(Duration.ofHours(1)), false));

        assertThat(decision.invites()).isFalse();
        assertThat(decision.explanations())
                .contains(new Explanation(
                        OVERALL_CAP,
                        "No marketing message: the customer got 2 marketing message(s) within 7 days across all"
                                + " channels; the cap is 2"));
    }

    @Test
    void aCapOfTheEmailChannelRejectsIt() {
        ContactPolicy oneEmailAWeek = new ContactPolicy(
                Duration.ofDays(7),
                5,
                Map.of(Channel.EMAIL, 1),
                ContactPolicy.DEFAULT.quietFrom(),
                ContactPolicy.DEFAULT.quietUntil());
        InvitationDecision decision = engine.decide(InvitationRequest.review(
                germanCustomerWithEmailConsent(),
                promoter(),
                List.of(new ContactRecord(null, Channel.EMAIL, NOW.minus(Duration.ofDays(2)), true)),
                NOW,
                oneEmailAWeek));

        assertThat(decision.invites()).isFalse();
        assertThat(fired(decision)).contains(CHANNEL_CAP, NOBODY);
    }

    @Test
    void aPromoterWhoRatesAtNightIsInvitedInTheMorning() {
        // 22:00 in Berlin
        InvitationDecision decision =
                decide(germanCustomerWithEmailConsent(), promoter(), Instant.parse("2025-06-02T20:00:00Z"));

        assertThat(decision.channel()).isEqualTo(Channel.EMAIL);
        assertThat(decision.notBefore()).isEqualTo(Instant.parse("2025-06-03T06:00:00Z"));
        assertThat(decision.explanations())
                .contains(new Explanation(
                        QUIET_HOURS,
                        "EMAIL message postponed until 08:00 (Europe/Berlin): quiet hours from 21:00 to 08:00 in"
                                + " the customer's time zone"));
    }

    @Test
    void aPromoterWithoutEmailConsentIsNotInvited() {
        InvitationDecision decision = decide(germanCustomerWithSmsConsentOnly(), promoter(), NOW);

        assertThat(decision.invites()).isFalse();
        assertThat(fired(decision)).contains(NOBODY);
    }

    @Test
    void onlyPromotersAreInvited() {
        InvitationDecision decision = decide(
                germanCustomerWithEmailConsent(), new ReviewOccasion("fb-2", NpsClass.PASSIVE, Touchpoint.APP), NOW);

        assertThat(decision.invites()).isFalse();
        assertThat(fired(decision)).containsExactly(ONLY_PROMOTERS);
    }

    @Test
    void theBuiltInRuleSetsPassTheSafetyCheckOfUploads() throws IOException {
        for (String ruleSet : InvitationRuleSets.NAMES) {
            String path = InvitationRuleSets.builtInDrl(ruleSet);
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                String drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(RuleSetSafety.findings(path, drl, InvitationRuleSets.FACT_MODEL))
                        .as(ruleSet)
                        .isEmpty();
            }
        }
    }
}
