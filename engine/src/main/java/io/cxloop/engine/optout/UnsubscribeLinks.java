package io.cxloop.engine.optout;

import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.rules.model.Channel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe addresses of a customer's marketing messages: {@code {baseUrl}/u/{token}} for one-click and, when
 * configured, {@code mailto:{mailto}?subject=unsubscribe {token}}. Without {@code cxloop.unsubscribe.base-url} there
 * are none (and marketing e-mail goes out without {@code List-Unsubscribe}).
 */
@Component
public class UnsubscribeLinks {

    private final UnsubscribeProperties properties;
    private final UnsubscribeTokens tokens;

    public UnsubscribeLinks(UnsubscribeProperties properties, UnsubscribeTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
    }

    /** Null when no base URL is configured. */
    public OutboxMessage.Unsubscribe forCustomer(String customerId, Channel channel) {
        if (properties.baseUrl() == null || customerId == null) {
            return null;
        }
        String token = tokens.tokenFor(customerId, channel);
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        String mailto = properties.mailto() == null || properties.mailto().isBlank()
                ? null
                : "mailto:" + properties.mailto().strip() + "?subject="
                        + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8)
                                .replace("+", "%20");
        return new OutboxMessage.Unsubscribe(base + "/u/" + token, mailto);
    }
}
