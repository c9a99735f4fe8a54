package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import java.time.Instant;
import java.util.List;

/**
 * Everything the next-best-action rules look at.
 *
 * @param recentContacts the customer's messages, by every process, within the longer of the trigger's re-entry window
 *     and the contact policy's window
 * @param contactPolicy caps and quiet hours; null for {@link ContactPolicy#DEFAULT}
 */
public record NextBestActionRequest(
        CustomerProfile customer,
        ReconnectContext reconnect,
        List<ContactRecord> recentContacts,
        Instant now,
        ContactPolicy contactPolicy) {

    public NextBestActionRequest {
        recentContacts = recentContacts == null ? List.of() : List.copyOf(recentContacts);
        contactPolicy = contactPolicy == null ? ContactPolicy.DEFAULT : contactPolicy;
    }

    /** A decision under the default contact policy. */
    public NextBestActionRequest(
            CustomerProfile customer, ReconnectContext reconnect, List<ContactRecord> recentContacts, Instant now) {
        this(customer, reconnect, recentContacts, now, null);
    }

    /** When the quiet hours the customer is in now end; null when it is not quiet for them now. */
    public Instant quietHoursEnd() {
        return contactPolicy.quietHoursEnd(now, customer.timezone());
    }

    /** Marketing messages within the contact policy's window, all channels together. */
    public long marketingContactsInWindow() {
        return marketingContactsInWindowOn(null);
    }

    /** Marketing messages on one channel within the contact policy's window. */
    public long marketingContactsInWindowOn(Channel channel) {
        Instant since = now.minus(contactPolicy.window());
        return recentContacts.stream()
                .filter(ContactRecord::marketing)
                .filter(contact -> contact.contactedAt().isAfter(since))
                .filter(contact -> channel == null || contact.channel() == channel)
                .count();
    }
}
