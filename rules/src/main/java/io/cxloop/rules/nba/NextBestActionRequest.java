package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.policy.ContactRequest;
import java.time.Instant;
import java.util.List;

/**
 * Everything the next-best-action rules look at.
 *
 * @param recentContacts the customer's messages, by every process, within the longer of the trigger's re-entry window
 *     and the contact policy's window
 * @param contactPolicy caps and quiet hours; null for {@link ContactPolicy#DEFAULT}
 * @param offers the offers to arbitrate between, with their usage and propensities; null or empty: the reconnect
 *     trigger's own offer alone (see {@link #candidates()})
 */
public record NextBestActionRequest(
        CustomerProfile customer,
        ReconnectContext reconnect,
        List<ContactRecord> recentContacts,
        Instant now,
        ContactPolicy contactPolicy,
        List<CandidateOffer> offers) {

    public NextBestActionRequest {
        recentContacts = recentContacts == null ? List.of() : List.copyOf(recentContacts);
        contactPolicy = contactPolicy == null ? ContactPolicy.DEFAULT : contactPolicy;
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    /** A decision on the reconnect trigger's own offer alone. */
    public NextBestActionRequest(
            CustomerProfile customer,
            ReconnectContext reconnect,
            List<ContactRecord> recentContacts,
            Instant now,
            ContactPolicy contactPolicy) {
        this(customer, reconnect, recentContacts, now, contactPolicy, null);
    }

    /**
     * The offers the rules arbitrate between: {@code offers}, or when there are none (a decision recorded before the
     * offer catalogue, a scenario without offers) the reconnect trigger's own offer with the default prior.
     */
    public List<CandidateOffer> candidates() {
        if (!offers.isEmpty() || reconnect == null || reconnect.offer() == null) {
            return offers;
        }
        return List.of(CandidateOffer.ofTrigger(reconnect.triggerKey(), reconnect.offer(), 1, null, 0));
    }

    /** A decision under the default contact policy. */
    public NextBestActionRequest(
            CustomerProfile customer, ReconnectContext reconnect, List<ContactRecord> recentContacts, Instant now) {
        this(customer, reconnect, recentContacts, now, null, null);
    }

    /** The contact policy's fact for this decision: the message would go now. */
    public ContactRequest contactRequest() {
        return ContactRequest.of(now, now, contactPolicy, customer.timezone(), recentContacts);
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
        long count = 0;
        for (ContactRecord contact : recentContacts) {
            if (contact.marketing()
                    && contact.contactedAt().isAfter(since)
                    && (channel == null || contact.channel() == channel)) {
                count++;
            }
        }
        return count;
    }
}
