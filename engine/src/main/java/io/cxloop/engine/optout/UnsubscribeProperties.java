package io.cxloop.engine.optout;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * One-click unsubscribe (RFC 8058) on marketing e-mail.
 *
 * @param secret HMAC key for the unsubscribe tokens (at least 16 characters); without one a random key is made at
 *     start-up, so links in mail sent before a restart stop working — set it in production
 * @param baseUrl the public address of this engine as customers reach it, e.g. {@code https://cx.shop.example}; the
 *     links are {@code {baseUrl}/u/{token}}
 * @param mailto address for the {@code mailto:} variant of {@code List-Unsubscribe}, or empty for none
 */
@ConfigurationProperties("cxloop.unsubscribe")
public record UnsubscribeProperties(String secret, URI baseUrl, String mailto) {}
