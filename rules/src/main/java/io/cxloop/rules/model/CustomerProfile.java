package io.cxloop.rules.model;

import java.util.Set;

/**
 * What the rules know about a customer when they decide.
 *
 * @param consentedChannels channels the customer has consented to be contacted on
 * @param openComplaintCases complaint (detractor) cases of the customer that are not closed yet; while there is one,
 *     the customer gets no marketing
 */
public record CustomerProfile(
        String customerId,
        String language,
        String timezone,
        String email,
        String phone,
        Set<Channel> consentedChannels,
        int openComplaintCases) {

    public CustomerProfile {
        consentedChannels = consentedChannels == null ? Set.of() : Set.copyOf(consentedChannels);
        if (openComplaintCases < 0) {
            throw new IllegalArgumentException("openComplaintCases must not be negative: " + openComplaintCases);
        }
    }

    /** A customer without open complaint cases. */
    public CustomerProfile(
            String customerId,
            String language,
            String timezone,
            String email,
            String phone,
            Set<Channel> consentedChannels) {
        this(customerId, language, timezone, email, phone, consentedChannels, 0);
    }

    /** The same customer with the given number of open complaint cases. */
    public CustomerProfile withOpenComplaintCases(int count) {
        return new CustomerProfile(customerId, language, timezone, email, phone, consentedChannels, count);
    }

    /** Whether the customer has an address for the channel (e-mail address, phone number). */
    public boolean hasAddressFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> email != null && !email.isBlank();
            case SMS, CALL_QUEUE -> phone != null && !phone.isBlank();
        };
    }
}
