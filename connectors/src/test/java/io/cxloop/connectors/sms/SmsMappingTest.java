package io.cxloop.connectors.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmsMappingTest {

    @Test
    void aGenericGatewayGetsJsonAndAnswersWithItsId() {
        String body = SmsMapping.JSON.body("+4917012345678", "Shop", "Hallo \"John\"", "outbox-1");

        assertThat(body)
                .isEqualTo("{\"to\":\"+4917012345678\",\"from\":\"Shop\",\"text\":\"Hallo \\\"John\\\"\","
                        + "\"reference\":\"outbox-1\"}");
        assertThat(SmsMapping.JSON.providerMessageId("{\"id\":\"SM-1\"}")).isEqualTo("SM-1");
        assertThat(SmsMapping.JSON.providerMessageId("accepted")).isNull();
        assertThat(SmsMapping.JSON.defaultIdempotencyHeader()).isEqualTo("Idempotency-Key");
    }

    @Test
    void twilioGetsAFormPostAndAnswersWithItsSid() {
        String body = SmsMapping.TWILIO_FORM.body("+4917012345678", "Shop", "15 % & Versand", "outbox-1");

        assertThat(body).isEqualTo("To=%2B4917012345678&From=Shop&Body=15+%25+%26+Versand");
        assertThat(SmsMapping.TWILIO_FORM.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(SmsMapping.TWILIO_FORM.providerMessageId("{\"sid\":\"SM123\",\"status\":\"queued\"}"))
                .isEqualTo("SM123");
        assertThat(SmsMapping.TWILIO_FORM.defaultIdempotencyHeader()).isEqualTo("I-Twilio-Idempotency-Token");
    }

    @Test
    void theIdempotencyHeaderCanBeRenamedAndSecretsStayOutOfLogs() {
        SmsProperties properties = new SmsProperties(
                URI.create("https://sms.example.com/send"),
                SmsMapping.JSON,
                "Shop",
                "user",
                "s3cret",
                "t0ken",
                "X-Request-Id",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Path.of("."));

        assertThat(properties.idempotencyHeaderName()).isEqualTo("X-Request-Id");
        assertThat(properties.toString()).doesNotContain("s3cret", "t0ken");
    }
}
