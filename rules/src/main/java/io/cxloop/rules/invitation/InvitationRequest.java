package io.cxloop.rules.invitation;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.policy.ContactRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything an invitation decision looks at: the customer (consents, addresses, open complaint cases), the occasion
 * (a survey after a journey event, or a review after a rating: exactly one of them), the customer's messages by every
 * process, and the contact policy.
 *
 * @param recentContacts the customer's messages by every process within the contact policy's window
 * @param now when the decision is made
 * @param sendAt when the invitation is meant to go (e.g. two days after a delivery); null for {@code now}
 * @param contactPolicy caps and quiet hours; null for {@link ContactPolicy#DEFAULT}
 */
public record InvitationRequest(
        CustomerProfile customer,
        SurveyOccasion survey,
        ReviewOccasion review,
        List<ContactRecord> recentContacts,
        Instant now,
        Instant sendAt,
        ContactPolicy contactPolicy) {

    public InvitationRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(now, "now");
        if ((survey == null) == (review == null)) {
            throw new IllegalArgumentException("an invitation request is about a survey or a review, exactly one");
        }
        recentContacts = recentContacts == null ? List.of() : List.copyOf(recentContacts);
        sendAt = sendAt == null || sendAt.isBefore(now) ? now : sendAt;
        contactPolicy = contactPolicy == null ? ContactPolicy.DEFAULT : contactPolicy;
    }

    /** A survey invitation after a journey event. */
    public static InvitationRequest survey(
            CustomerProfile customer,
            SurveyOccasion survey,
            List<ContactRecord> recentContacts,
            Instant now,
            Instant sendAt,
            ContactPolicy contactPolicy) {
        return new InvitationRequest(customer, survey, null, recentContacts, now, sendAt, contactPolicy);
    }

    /** An invitation to write a review, at once. */
    public static InvitationRequest review(
            CustomerProfile customer,
            ReviewOccasion review,
            List<ContactRecord> recentContacts,
            Instant now,
            ContactPolicy contactPolicy) {
        return new InvitationRequest(customer, null, review, recentContacts, now, now, contactPolicy);
    }

    /** The contact policy's fact for this invitation: it would go at {@code sendAt}. */
    public ContactRequest contactRequest() {
        return ContactRequest.of(now, sendAt, contactPolicy, customer.timezone(), recentContacts);
    }

    /** When the quiet hours the customer will be in at {@code sendAt} end; null when it is not quiet for them then. */
    public Instant quietHoursEnd() {
        return contactPolicy.quietHoursEnd(sendAt, customer.timezone());
    }

    /** Whether the invitation waits after the decision (a delay after the event). */
    public boolean delayed() {
        return sendAt.isAfter(now);
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
