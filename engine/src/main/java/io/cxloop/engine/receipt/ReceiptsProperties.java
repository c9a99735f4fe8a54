package io.cxloop.engine.receipt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery receipts and bounce reports from providers ({@code POST /api/receipts/sms}, {@code /api/receipts/email}).
 *
 * @param secret the shared secret the provider signs the request body with (HMAC-SHA256, at least 16 characters);
 *     without one every receipt is refused
 * @param signatureHeader the request header carrying the signature, as {@code <hex>} or {@code sha256=<hex>}
 */
@ConfigurationProperties("cxloop.receipts")
public record ReceiptsProperties(String secret, @DefaultValue("X-Cxloop-Signature") String signatureHeader) {}
