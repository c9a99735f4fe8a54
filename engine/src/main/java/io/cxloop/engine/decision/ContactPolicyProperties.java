package io.cxloop.engine.decision;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.ContactPolicy;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contact policy, one for service and marketing (see {@link ContactPolicy}).
 *
 * @param window the period the marketing caps count over
 * @param marketingCap marketing messages within the window, all channels together
 * @param marketingCapPerChannel a lower cap for some channels; left out: one SMS and one call within the window
 * @param quietFrom quiet hours begin (customer's local time)
 * @param quietUntil quiet hours end; equal to {@code quietFrom} for none
 */
@ConfigurationProperties("cxloop.contact-policy")
public record ContactPolicyProperties(
        @DefaultValue("P7D") Duration window,
        @DefaultValue("2") int marketingCap,
        Map<Channel, Integer> marketingCapPerChannel,
        @DefaultValue("21:00") LocalTime quietFrom,
        @DefaultValue("08:00") LocalTime quietUntil) {

    public ContactPolicyProperties {
        if (marketingCapPerChannel == null) {
            marketingCapPerChannel = ContactPolicy.DEFAULT.marketingCapPerChannel();
        }
    }

    public ContactPolicy toPolicy() {
        return new ContactPolicy(window, marketingCap, marketingCapPerChannel, quietFrom, quietUntil);
    }
}
