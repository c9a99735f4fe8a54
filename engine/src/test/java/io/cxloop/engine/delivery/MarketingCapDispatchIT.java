package io.cxloop.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.message.Message;
import io.cxloop.engine.message.MessageStatus;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.rules.model.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The marketing caps once more just before dispatch (default: 2 marketing messages per 7 days): a message decided
 * while the customer was under the cap — e.g. a survey invitation that waits two days — does not go out when other
 * marketing went out in the meantime. Service messages are not capped.
 */
class MarketingCapDispatchIT extends EngineIT {

    @Autowired
    OutboxRepository outbox;

    @Test
    void marketingThatWouldExceedTheCapWhenDueIsSuppressedAndServiceStillGoes() {
        String email = "capped-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String customerId = newCustomer(email);
        String first = outbox.queue(OptOutIT.offerEmail(customerId, email));
        String second = outbox.queue(OptOutIT.offerEmail(customerId, email));
        awaitStatus(first, MessageStatus.SENT);
        awaitStatus(second, MessageStatus.SENT);

        String third = outbox.queue(OptOutIT.offerEmail(customerId, email));
        String thankYou = outbox.queue(new NewMessage(
                customerId,
                null,
                null,
                null,
                Channel.EMAIL,
                "feedback-thank-you",
                email,
                "de",
                "Danke für Ihre Bewertung",
                "<p>Danke!</p>",
                "Danke!",
                null,
                false));

        Message suppressed = awaitStatus(third, MessageStatus.SUPPRESSED);
        assertThat(suppressed.statusReason())
                .contains("2 marketing message(s) within 7 days")
                .contains("the cap is 2");
        awaitStatus(thankYou, MessageStatus.SENT);
        assertThat(SMTP.getReceivedMessagesForDomain(email)).hasSize(3);
    }

    private Message awaitStatus(String messageId, MessageStatus status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> outbox.find(messageId).map(Message::status).orElse(null) == status);
        return outbox.find(messageId).orElseThrow();
    }

    private String newCustomer(String email) {
        String customerId = "cap-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId,
                        HttpMethod.PUT,
                        new HttpEntity<>(Fixtures.customer(
                                "Lena",
                                "Schmidt",
                                email,
                                "de",
                                Fixtures.daytimeZone(),
                                Map.of("EMAIL", true, "SMS", false))),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }
}
