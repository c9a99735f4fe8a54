package io.cxloop.engine.survey;

import io.cxloop.connectors.receipt.HmacSignature;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Survey tokens: {@code base64url(surveyId).expiresAtEpochSeconds.base64url(hmac)} with an HMAC-SHA256 (truncated to
 * 128 bits) over survey and expiry. A token names one survey, cannot be forged, altered or extended without the
 * secret, and stops working when it expires; that it is answered only once is the survey row's business.
 */
@Component
public class SurveyTokens {

    private static final Logger log = LoggerFactory.getLogger(SurveyTokens.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    /** What a genuine token says. */
    public record Subject(String surveyId, Instant expiresAt, boolean expired) {}

    private final HmacSignature hmac;
    private final Clock clock;

    public SurveyTokens(SurveyProperties properties, Clock clock) {
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
            log.warn("cxloop.surveys.secret is not set: survey links stop working when the engine restarts");
        }
        this.hmac = new HmacSignature(secret);
        this.clock = clock;
    }

    public String tokenFor(String surveyId, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return ENCODER.encodeToString(surveyId.getBytes(StandardCharsets.UTF_8)) + "." + expires + "."
                + ENCODER.encodeToString(mac(surveyId, expires));
    }

    /** The survey of a genuine token, expired or not; empty for anything forged, altered or malformed. */
    public Optional<Subject> verify(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String surveyId = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            long expires = Long.parseLong(parts[1]);
            if (surveyId.isBlank() || !HmacSignature.same(mac(surveyId, expires), DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(expires);
            return Optional.of(new Subject(surveyId, expiresAt, !clock.instant().isBefore(expiresAt)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private byte[] mac(String surveyId, long expires) {
        byte[] data = ("survey\n" + surveyId + "\n" + expires).getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(hmac.sign(data), MAC_BYTES);
    }
}
