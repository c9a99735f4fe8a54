package io.cxloop.rules.policy;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contact policy's view of the message being decided, whatever decides it (a next-best action, a survey or a
 * review invitation): when it is decided and meant to go, how many marketing messages the customer got within the
 * policy's window from every process, and when the quiet hours end that the message would go in.
 *
 * @param now when the decision is made; the window counts back from here
 * @param sendAt when the message is meant to go (after a delay, e.g. two days after a delivery); {@code now} at the
 *     earliest
 * @param marketingContacts marketing messages within the window, all channels together
 * @param marketingContactsByChannel marketing messages within the window per channel; a channel left out had none
 * @param quietHoursEnd when the customer's quiet hours around {@code sendAt} end; null when it is not quiet for them then
 */
public record ContactRequest(
        Instant now,
        Instant sendAt,
        long marketingContacts,
        Map<Channel, Long> marketingContactsByChannel,
        Instant quietHoursEnd) {

    public ContactRequest {
        Objects.requireNonNull(now, "now");
        sendAt = sendAt == null || sendAt.isBefore(now) ? now : sendAt;
        marketingContactsByChannel =
                marketingContactsByChannel == null ? Map.of() : Map.copyOf(marketingContactsByChannel);
    }

    /**
     * Counts the customer's marketing messages within the policy's window back from {@code now} and looks up the quiet
     * hours at {@code sendAt} in the customer's time zone.
     *
     * @param contacts the customer's messages by every process (service messages are not counted)
     */
    public static ContactRequest of(
            Instant now, Instant sendAt, ContactPolicy policy, String timezone, List<ContactRecord> contacts) {
        Instant since = now.minus(policy.window());
        long total = 0;
        Map<Channel, Long> byChannel = null;
        for (ContactRecord contact : contacts) {
            if (contact.marketing() && contact.contactedAt().isAfter(since)) {
                total++;
                if (byChannel == null) {
                    byChannel = new EnumMap<>(Channel.class);
                }
                byChannel.merge(contact.channel(), 1L, Long::sum);
            }
        }
        Instant at = sendAt == null || sendAt.isBefore(now) ? now : sendAt;
        return new ContactRequest(now, at, total, byChannel, policy.quietHoursEnd(at, timezone));
    }

    /** Marketing messages within the window, all channels together. */
    public long marketingContactsInWindow() {
        return marketingContacts;
    }

    /** Marketing messages on one channel within the window. */
    public long marketingContactsInWindowOn(Channel channel) {
        return marketingContactsByChannel.getOrDefault(channel, 0L);
    }

    /** Whether the message waits after the decision (a delay after an event). */
    public boolean delayed() {
        return sendAt.isAfter(now);
    }
}
