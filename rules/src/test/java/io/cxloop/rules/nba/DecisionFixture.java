package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The moment of decision and the customer's contact history up to it. */
public final class DecisionFixture {

    /** A Monday morning, the moment every decision in the tests is made. */
    public static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

    private DecisionFixture() {}

    public static NextBestActionRequest decisionFor(
            CustomerProfile customer, ReconnectContext trigger, ContactRecord... recentContacts) {
        return new NextBestActionRequest(customer, trigger, List.of(recentContacts), NOW);
    }

    public static ContactRecord reconnectEmailSent(Duration ago) {
        return new ContactRecord(ReconnectFixture.CART_ABANDONED, Channel.EMAIL, NOW.minus(ago));
    }

    public static ContactRecord reconnectSmsSent(String triggerKey, Duration ago) {
        return new ContactRecord(triggerKey, Channel.SMS, NOW.minus(ago));
    }
}
