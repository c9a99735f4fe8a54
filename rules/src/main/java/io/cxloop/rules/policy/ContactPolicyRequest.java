package io.cxloop.rules.policy;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message the contact policy alone is asked about, for its scenario tests and analysts' checks: the customer, the
 * channels it could go on with its purpose on each, the customer's messages by every process, when it is decided and
 * meant to go, the policy's settings. Decisions do not go through here: they insert the same facts into their own
 * session (see {@link ContactRequest}).
 *
 * @param channels the ways to send it, in order of preference
 * @param recentContacts the customer's messages by every process within the policy's window
 * @param sendAt when the message is meant to go; null for {@code now}
 * @param contactPolicy caps and quiet hours; null for {@link ContactPolicy#DEFAULT}
 */
public record ContactPolicyRequest(
        CustomerProfile customer,
        List<ChannelOption> channels,
        List<ContactRecord> recentContacts,
        Instant now,
        Instant sendAt,
        ContactPolicy contactPolicy) {

    /**
     * One way to send the message.
     *
     * @param purpose MARKETING or SERVICE; null counts as marketing
     * @param inbound offered within a contact the customer began (e.g. at the end of their own call)
     */
    public record ChannelOption(Channel channel, Purpose purpose, boolean inbound) {

        public ChannelOption {
            Objects.requireNonNull(channel, "channel");
            purpose = purpose == null ? Purpose.MARKETING : purpose;
        }
    }

    public ContactPolicyRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(now, "now");
        channels = channels == null ? List.of() : List.copyOf(channels);
        recentContacts = recentContacts == null ? List.of() : List.copyOf(recentContacts);
        contactPolicy = contactPolicy == null ? ContactPolicy.DEFAULT : contactPolicy;
    }

    /** The policy's fact for this message. */
    public ContactRequest contactRequest() {
        return ContactRequest.of(now, sendAt, contactPolicy, customer.timezone(), recentContacts);
    }
}
