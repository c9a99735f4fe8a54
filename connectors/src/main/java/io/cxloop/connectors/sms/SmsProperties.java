package io.cxloop.connectors.sms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMS delivery settings. Without {@code gateway-url} text messages go to the sandbox directory instead.
 *
 * @param gatewayUrl the provider's send endpoint, e.g. {@code https://sms.example.com/v1/messages} or Twilio's
 *     {@code https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json}
 * @param mapping how a message becomes a request: {@code json} (a generic JSON gateway) or {@code twilio-form}
 * @param from the sender (number or alphanumeric id)
 * @param username with {@code password}: HTTP Basic (for Twilio the account SID and auth token)
 * @param bearerToken alternatively: {@code Authorization: Bearer …}
 * @param idempotencyHeader the request header carrying the outbox id; empty for the mapping's default
 * @param connectTimeout how long to wait for a connection to the gateway
 * @param responseTimeout how long to wait for its answer; then the attempt fails and the outbox retries it
 * @param sandboxDir where text messages are written as {@code {outboxId}.sms.json} when no gateway is configured
 */
@ConfigurationProperties("cxloop.sms")
public record SmsProperties(
        URI gatewayUrl,
        @DefaultValue("json") SmsMapping mapping,
        @DefaultValue("cxloop") String from,
        String username,
        String password,
        String bearerToken,
        String idempotencyHeader,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("./data/outbox") Path sandboxDir) {

    public SmsProperties {
        if (gatewayUrl != null && !"http".equals(gatewayUrl.getScheme()) && !"https".equals(gatewayUrl.getScheme())) {
            throw new IllegalArgumentException("cxloop.sms.gateway-url must be http(s): " + gatewayUrl);
        }
    }

    /** The header name the gateway expects the idempotency key in. */
    public String idempotencyHeaderName() {
        return idempotencyHeader == null || idempotencyHeader.isBlank()
                ? mapping.defaultIdempotencyHeader()
                : idempotencyHeader;
    }

    @Override
    public String toString() {
        return "SmsProperties[gatewayUrl=" + gatewayUrl + ", mapping=" + mapping + ", from=" + from + ", username="
                + username + ", password=" + (password == null ? null : "***") + ", bearerToken="
                + (bearerToken == null ? null : "***") + "]";
    }
}
