package io.cxloop.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.message.MessageStatus;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.rules.model.Channel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contact policy's quiet hours (21:00–08:00 in the customer's time zone) once more just before dispatch: a
 * marketing message that comes due at night — e.g. a retry — waits for the morning instead of waking the customer;
 * service messages go.
 */
class QuietHoursDispatchIT extends EngineIT {

    @Autowired
    OutboxRepository outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void marketingDueInTheCustomersNightWaitsForTheMorningWithoutUsingAnAttempt() {
        ZoneId night = zoneWhereItIsNow(2);
        String email = "asleep-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String customerId = newCustomer(email, night);

        String offerId = outbox.queue(OptOutIT.offerEmail(customerId, email));

        Instant eight = nextEightOClock(night);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> nextAttemptAt(offerId).equals(eight));
        Map<String, Object> row = row(offerId);
        assertThat(row.get("status")).isEqualTo(MessageStatus.QUEUED.name());
        assertThat(((Number) row.get("attempts")).intValue()).isZero();
        assertThat(SMTP.getReceivedMessagesForDomain(email)).isEmpty();
    }

    @Test
    void serviceMessagesGoAtNightAndMarketingGoesInTheDaytime() {
        ZoneId night = zoneWhereItIsNow(2);
        String nightEmail = "service-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String nightCustomer = newCustomer(nightEmail, night);
        String dayEmail = "day-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String dayCustomer = newCustomer(dayEmail, ZoneId.of(Fixtures.daytimeZone()));

        String service = outbox.queue(new NewMessage(
                nightCustomer,
                null,
                null,
                null,
                Channel.EMAIL,
                "feedback-thank-you",
                nightEmail,
                "de",
                "Danke für Ihre Bewertung",
                "<p>Danke!</p>",
                "Danke!",
                null,
                false));
        String offer = outbox.queue(OptOutIT.offerEmail(dayCustomer, dayEmail));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> MessageStatus.SENT.name().equals(row(service).get("status"))
                        && MessageStatus.SENT.name().equals(row(offer).get("status")));
        assertThat(SMTP.getReceivedMessagesForDomain(nightEmail)).hasSize(1);
        assertThat(SMTP.getReceivedMessagesForDomain(dayEmail)).hasSize(1);
    }

    private Map<String, Object> row(String messageId) {
        return jdbc.sql("select status, attempts, next_attempt_at from outbox_message where message_id = ?")
                .param(messageId)
                .query()
                .singleRow();
    }

    private Instant nextAttemptAt(String messageId) {
        Object value = row(messageId).get("next_attempt_at");
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private String newCustomer(String email, ZoneId zone) {
        String customerId = "q-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId,
                        HttpMethod.PUT,
                        new HttpEntity<>(Fixtures.customer(
                                "Lena", "Schmidt", email, "de", zone.getId(), Map.of("EMAIL", true, "SMS", false))),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    private static ZoneId zoneWhereItIsNow(int hour) {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    private static Instant nextEightOClock(ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime eight = now.with(LocalTime.of(8, 0)).truncatedTo(ChronoUnit.MINUTES);
        return (eight.isAfter(now) ? eight : eight.plusDays(1)).toInstant();
    }
}
