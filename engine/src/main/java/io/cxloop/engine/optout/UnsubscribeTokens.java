package io.cxloop.engine.optout;

import io.cxloop.connectors.receipt.HmacSignature;
import io.cxloop.rules.model.Channel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Unsubscribe tokens: {@code base64url(customerId).CHANNEL.base64url(hmac)} with an HMAC-SHA256 (truncated to 128
 * bits) over customer and channel. A token is bound to one customer and one channel, cannot be forged or altered
 * without the secret, and needs no database row; it does not expire, as an unsubscribe link must keep working.
 */
@Component
public class UnsubscribeTokens {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeTokens.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    /** Whom and which channel a valid token is for. */
    public record Subject(String customerId, Channel channel) {}

    private final HmacSignature hmac;

    public UnsubscribeTokens(UnsubscribeProperties properties) {
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
            log.warn("cxloop.unsubscribe.secret is not set: unsubscribe links stop working when the engine restarts");
        }
        this.hmac = new HmacSignature(secret);
    }

    public String tokenFor(String customerId, Channel channel) {
        return ENCODER.encodeToString(customerId.getBytes(StandardCharsets.UTF_8)) + "." + channel.name() + "."
                + ENCODER.encodeToString(mac(customerId, channel));
    }

    /** The customer and channel of a genuine token; empty for anything else. */
    public Optional<Subject> verify(String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String customerId = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            Channel channel = Channel.valueOf(parts[1]);
            if (customerId.isBlank() || !HmacSignature.same(mac(customerId, channel), DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(new Subject(customerId, channel));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private byte[] mac(String customerId, Channel channel) {
        byte[] data = ("unsubscribe\n" + customerId + "\n" + channel.name()).getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(hmac.sign(data), MAC_BYTES);
    }
}
