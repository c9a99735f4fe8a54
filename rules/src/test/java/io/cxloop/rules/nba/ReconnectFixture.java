package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import java.time.Duration;
import java.util.List;

/** Reconnect triggers as marketers configure them. */
public final class ReconnectFixture {

    public static final String CART_ABANDONED = "cart-abandoned";

    private ReconnectFixture() {}

    /** The offer from the reconnect story: 15 % off if bought within 24 hours, free express delivery. */
    public static Offer fifteenPercentForADayWithFreeExpress() {
        return new Offer(15, Duration.ofHours(24), true);
    }

    /** E-mail first, SMS second, at most one message a week. */
    public static ReconnectContext cartAbandonedTrigger() {
        return new ReconnectContext(
                CART_ABANDONED,
                List.of(Channel.EMAIL, Channel.SMS),
                Duration.ofDays(7),
                fifteenPercentForADayWithFreeExpress());
    }

    /** Like {@link #cartAbandonedTrigger()}, but the marketer prefers SMS. */
    public static ReconnectContext cartAbandonedTriggerPreferringSms() {
        return new ReconnectContext(
                CART_ABANDONED,
                List.of(Channel.SMS, Channel.EMAIL),
                Duration.ofDays(7),
                fifteenPercentForADayWithFreeExpress());
    }

    /** High-value carts: an agent calls back. */
    public static ReconnectContext highValueCartCallBackTrigger() {
        return new ReconnectContext(
                "high-value-cart",
                List.of(Channel.CALL_QUEUE),
                Duration.ofDays(14),
                new Offer(0, Duration.ofDays(3), true));
    }
}
