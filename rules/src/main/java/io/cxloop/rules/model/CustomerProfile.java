package io.cxloop.rules.model;

import java.util.Set;

/**
 * What the rules know about a customer when they decide.
 *
 * @param consentedChannels channels the customer has consented to be contacted on
 */
public record CustomerProfile(
        String customerId,
        String language,
        String timezone,
        String email,
        String phone,
        Set<Channel> consentedChannels) {

    public CustomerProfile {
        consentedChannels = consentedChannels == null ? Set.of() : Set.copyOf(consentedChannels);
    }

    /** Whether the customer has an address for the channel (e-mail address, phone number). */
    public boolean hasAddressFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> email != null && !email.isBlank();
            case SMS, CALL_QUEUE -> phone != null && !phone.isBlank();
        };
    }
}
