package io.cxloop.engine.delivery;

import static io.cxloop.engine.delivery.DeliveryIT.sign;
import static io.cxloop.engine.support.Fixtures.cartAbandoned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.engine.support.ProcessDriver;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A message the outbox gives up on flows back into the campaign, which falls back to the next allowed channel. */
class ChannelFallbackIT extends EngineIT {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Test
    void whenTheOfferEmailCannotGoOutTheCustomerGetsItBySms() {
        String email = "fallback-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String customerId = newCustomer(Fixtures.customer(
                "Lena", "Schmidt", email, "de", Fixtures.daytimeZone(), Map.of("EMAIL", true, "SMS", true)));
        // the address bounced before (e.g. for another shop's newsletter run): the outbox will suppress the e-mail
        String bounce = "{\"recipient\":\"" + email + "\",\"type\":\"hard\",\"detail\":\"550 user unknown\"}";
        assertThat(signed("/api/receipts/email", bounce).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode receipt = admin().postForEntity("/api/events", cartAbandoned(customerId), JsonNode.class)
                .getBody();
        String processInstanceId = receipt.path("campaignsStarted")
                .get(0)
                .path("processInstanceId")
                .asText();
        ProcessDriver processes = new ProcessDriver(management);
        processes.fireTimer(processInstanceId, "Event_DelayElapsed");

        // the dispatcher suppresses the e-mail and correlates the failure: the decision step is due again
        await().atMost(Duration.ofSeconds(15))
                .until(() -> management
                                .createJobQuery()
                                .processInstanceId(processInstanceId)
                                .activityId("Event_MessageUndeliverable")
                                .count()
                        == 1);
        processes.runAsyncJobs(processInstanceId);

        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode messages = messagesOf(customerId);
            return messages.size() == 2
                    && "SENT".equals(messages.get(0).path("status").asText());
        });
        JsonNode messages = messagesOf(customerId); // newest first
        assertThat(messages.get(0).path("channel").asText()).isEqualTo("SMS");
        assertThat(messages.get(1).path("channel").asText()).isEqualTo("EMAIL");
        assertThat(messages.get(1).path("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(messages.get(1).path("statusReason").asText()).contains("bounced");
        JsonNode decisions = admin().getForEntity("/api/customers/" + customerId + "/decisions", JsonNode.class)
                .getBody();
        assertThat(decisions).hasSize(2);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .activityIdIn("Gateway_WaitForGoalOrExpiry")
                        .count())
                .isEqualTo(1);
        assertThat(SMTP.getReceivedMessagesForDomain(email)).isEmpty();
    }

    private JsonNode messagesOf(String customerId) {
        return admin().getForEntity("/api/messages?customerId=" + customerId, JsonNode.class)
                .getBody();
    }

    private String newCustomer(Map<String, Object> customer) {
        String customerId = "c-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(customer), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    private ResponseEntity<JsonNode> signed(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Cxloop-Signature", sign(body));
        return anonymous.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
