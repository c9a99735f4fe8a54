package io.cxloop.rules.nba;

import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailAndSmsConsent;
import static io.cxloop.rules.model.CustomerFixture.germanCustomerWithEmailConsent;
import static io.cxloop.rules.nba.DecisionFixture.NOW;
import static io.cxloop.rules.nba.ReconnectFixture.fifteenPercentForADayWithFreeExpress;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contact policy: caps across all processes and channels, quiet hours that postpone, service messages exempt. */
class ContactPolicyRulesTest {

    static final String CHANNEL_CAP = "Marketing on a channel stays within the channel's cap";
    static final String OVERALL_CAP = "Marketing stays within the cap across all channels";
    static final String QUIET_HOURS = "Quiet hours postpone the message until they end";

    private final NextBestActionEngine engine = NextBestActionEngine.builtIn();

    /** E-mail first, SMS second, re-entry after one day: the weekly caps are what limits. */
    private static ReconnectContext dailyTriggerPreferringSms() {
        return new ReconnectContext(
                "browse-abandoned",
                List.of(Channel.SMS, Channel.EMAIL),
                Duration.ofDays(1),
                fifteenPercentForADayWithFreeExpress());
    }

    private static ContactRecord marketing(Channel channel, Duration ago) {
        return new ContactRecord("cart-abandoned", channel, NOW.minus(ago), true);
    }

    private static ContactRecord service(Channel channel, Duration ago) {
        return new ContactRecord(null, channel, NOW.minus(ago), false);
    }

    private NextBestAction decide(CustomerProfile customer, Instant now, ContactRecord... contacts) {
        return engine.decide(new NextBestActionRequest(customer, dailyTriggerPreferringSms(), List.of(contacts), now));
    }

    @Test
    void aChannelAtItsCapIsRejectedAndTheNextChannelIsUsed() {
        NextBestAction action =
                decide(germanCustomerWithEmailAndSmsConsent(), NOW, marketing(Channel.SMS, Duration.ofDays(3)));

        assertThat(action.channel()).isEqualTo(Channel.EMAIL);
        assertThat(action.explanations())
                .contains(new Explanation(
                        CHANNEL_CAP,
                        "SMS rejected: the customer got 1 marketing message(s) on SMS within 7 days; the cap of SMS"
                                + " is 1"));
    }

    @Test
    void twoMarketingMessagesAWeekFromAnyProcessAreTheLimit() {
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                NOW,
                marketing(Channel.EMAIL, Duration.ofDays(2)),
                marketing(Channel.EMAIL, Duration.ofDays(5)));

        assertThat(action.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(action.explanations())
                .contains(new Explanation(
                        OVERALL_CAP,
                        "No marketing message: the customer got 2 marketing message(s) within 7 days across all"
                                + " channels; the cap is 2"));
    }

    @Test
    void messagesOlderThanTheWindowDoNotCount() {
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                NOW,
                marketing(Channel.EMAIL, Duration.ofDays(2)),
                marketing(Channel.EMAIL, Duration.ofDays(8)));

        assertThat(action.channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void serviceMessagesDoNotCountAgainstTheMarketingCaps() {
        NextBestAction action = decide(
                germanCustomerWithEmailConsent(),
                NOW,
                service(Channel.EMAIL, Duration.ofHours(30)),
                service(Channel.EMAIL, Duration.ofDays(2)),
                service(Channel.EMAIL, Duration.ofDays(3)));

        assertThat(action.channel()).isEqualTo(Channel.EMAIL);
        assertThat(action.explanations()).extracting(Explanation::rule).doesNotContain(OVERALL_CAP);
    }

    @Test
    void quietHoursPostponeTheMessageToTheirEndInTheCustomersTimeZone() {
        // 22:30 in Berlin (summer time)
        NextBestAction action = decide(germanCustomerWithEmailConsent(), Instant.parse("2025-06-02T20:30:00Z"));

        assertThat(action.action()).isEqualTo(ActionType.RECONNECT_OFFER);
        assertThat(action.channel()).isEqualTo(Channel.EMAIL);
        assertThat(action.notBefore()).isEqualTo(Instant.parse("2025-06-03T06:00:00Z"));
        assertThat(action.explanations())
                .last()
                .isEqualTo(new Explanation(
                        QUIET_HOURS,
                        "EMAIL message postponed until 08:00 (Europe/Berlin): quiet hours from 21:00 to 08:00 in the"
                                + " customer's time zone"));
    }

    @Test
    void earlyMorningMessagesWaitUntilEightTheSameDay() {
        // 06:00 in Berlin
        NextBestAction action = decide(germanCustomerWithEmailConsent(), Instant.parse("2025-06-03T04:00:00Z"));

        assertThat(action.notBefore()).isEqualTo(Instant.parse("2025-06-03T06:00:00Z"));
    }

    @Test
    void duringTheDayTheMessageGoesAtOnce() {
        NextBestAction action = decide(germanCustomerWithEmailConsent(), NOW);

        assertThat(action.notBefore()).isNull();
        assertThat(action.explanations()).extracting(Explanation::rule).doesNotContain(QUIET_HOURS);
    }

    @Test
    void nothingIsPostponedWhenNothingIsChosen() {
        NextBestAction action = decide(
                germanCustomerWithEmailConsent().withOpenComplaintCases(1), Instant.parse("2025-06-02T20:30:00Z"));

        assertThat(action.action()).isEqualTo(ActionType.NO_ACTION);
        assertThat(action.notBefore()).isNull();
    }

    @Test
    void anotherPolicyCanAllowMoreAndHaveNoQuietHours() {
        ContactPolicy generous =
                new ContactPolicy(Duration.ofDays(7), 5, Map.of(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        NextBestAction action = engine.decide(new NextBestActionRequest(
                germanCustomerWithEmailConsent(),
                dailyTriggerPreferringSms(),
                List.of(marketing(Channel.EMAIL, Duration.ofDays(2)), marketing(Channel.EMAIL, Duration.ofDays(4))),
                Instant.parse("2025-06-02T20:30:00Z"),
                generous));

        assertThat(action.channel()).isEqualTo(Channel.EMAIL);
        assertThat(action.notBefore()).isNull();
    }

    @Test
    void quietHoursWithinOneDayAreSupportedToo() {
        ContactPolicy lunchBreak =
                new ContactPolicy(Duration.ofDays(7), 2, Map.of(), LocalTime.of(12, 0), LocalTime.of(14, 0));

        assertThat(lunchBreak.quietHoursEnd(Instant.parse("2025-06-02T10:30:00Z"), "Europe/Berlin"))
                .isEqualTo(Instant.parse("2025-06-02T12:00:00Z"));
        assertThat(lunchBreak.quietHoursEnd(Instant.parse("2025-06-02T12:30:00Z"), "Europe/Berlin"))
                .isNull();
    }
}
