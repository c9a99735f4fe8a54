package io.cxloop.engine.feedback;

import static io.cxloop.engine.support.Fixtures.cartAbandoned;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.ProcessDriver;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Contact policy beats campaigns: a customer whose complaint case is open gets no reconnect marketing. */
class OpenComplaintCaseSuppressionIT extends EngineIT {

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    ProcessDriver processes;

    @BeforeEach
    void driver() {
        processes = new ProcessDriver(management);
    }

    @Test
    void detractorWithAnOpenCaseWhoAbandonsTheCartGetsNoOfferAndTheDecisionSaysWhy() {
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        openComplaintCase(customerId, "OPEN");

        String processInstanceId = startedProcess(postEvent(cartAbandoned(customerId)));
        processes.fireTimer(processInstanceId, "Event_DelayElapsed");

        JsonNode decision = decisionsOf(customerId).get(0);
        assertThat(decision.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(decision.path("explanations")).anySatisfy(explanation -> {
            assertThat(explanation.path("rule").asText()).isEqualTo("No marketing while a complaint case is open");
            assertThat(explanation.path("reason").asText()).contains("open complaint case");
        });
        assertThat(messagesOf(customerId)).isEmpty();
    }

    @Test
    void customerWhoseComplaintCaseIsClosedGetsTheOffer() {
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        openComplaintCase(customerId, "CLOSED");

        String processInstanceId = startedProcess(postEvent(cartAbandoned(customerId)));
        processes.fireTimer(processInstanceId, "Event_DelayElapsed");

        assertThat(decisionsOf(customerId).get(0).path("action").asText()).isEqualTo("RECONNECT_OFFER");
    }

    // A case as the closed-loop process leaves it; inserted directly so that this test depends on the policy only.
    private void openComplaintCase(String customerId, String status) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String feedbackId = "fb-" + UUID.randomUUID();
        jdbc.sql(
                        """
                insert into feedback (feedback_id, customer_id, touchpoint, score_type, score, occurred_at, received_at,
                    nps_class)
                values (?, ?, 'DELIVERY', 'NPS', 2, ?, ?, 'DETRACTOR')""")
                .params(feedbackId, customerId, now, now)
                .update();
        jdbc.sql(
                        """
                insert into feedback_case (case_id, customer_id, feedback_id, team, status, severity, sla_due_at,
                    opened_at, updated_at)
                values (?, ?, ?, 'logistics', ?, 'HIGH', ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), customerId, feedbackId, status, now.plusHours(24), now, now)
                .update();
    }

    private static String mailbox() {
        return "complainer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String newCustomer(Map<String, Object> customer) {
        String customerId = "c-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(customer), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    private JsonNode postEvent(Map<String, Object> event) {
        ResponseEntity<JsonNode> response = admin().postForEntity("/api/events", event, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody();
    }

    private static String startedProcess(JsonNode receipt) {
        for (JsonNode campaign : receipt.path("campaignsStarted")) {
            if ("cart-abandoned".equals(campaign.path("triggerKey").asText())) {
                return campaign.path("processInstanceId").asText();
            }
        }
        throw new AssertionError("no cart-abandoned campaign started: " + receipt);
    }

    private JsonNode messagesOf(String customerId) {
        return admin().getForEntity("/api/messages?customerId=" + customerId, JsonNode.class)
                .getBody();
    }

    private JsonNode decisionsOf(String customerId) {
        return admin().getForEntity("/api/customers/" + customerId + "/decisions", JsonNode.class)
                .getBody();
    }
}
