package io.cxloop.engine.customer;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.model.ValueSegment;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A known customer (or prospect) with contact points, consents per channel and value segment (default MEDIUM). */
public record Customer(
        String customerId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String language,
        String timezone,
        Map<Channel, Boolean> consents,
        ValueSegment valueSegment,
        Instant createdAt,
        Instant updatedAt) {

    public Customer {
        consents = consents == null ? Map.of() : Map.copyOf(consents);
        valueSegment = valueSegment == null ? ValueSegment.MEDIUM : valueSegment;
    }

    /** The same customer with these consents. */
    public Customer withConsents(Map<Channel, Boolean> consents) {
        return new Customer(
                customerId,
                firstName,
                lastName,
                email,
                phone,
                language,
                timezone,
                consents,
                valueSegment,
                createdAt,
                updatedAt);
    }

    public Set<Channel> consentedChannels() {
        return consents.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The customer as the rules see them. */
    public CustomerProfile toProfile() {
        return new CustomerProfile(customerId, language, timezone, email, phone, consentedChannels());
    }

    /** The first of the channels on which the customer consents and has an address, if any. */
    public Optional<Channel> firstReachable(Channel... channels) {
        for (Channel channel : channels) {
            if (consentedChannels().contains(channel) && addressFor(channel) != null) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** The address to reach the customer on a channel, or null. */
    public String addressFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS, CALL_QUEUE -> phone;
        };
    }
}
