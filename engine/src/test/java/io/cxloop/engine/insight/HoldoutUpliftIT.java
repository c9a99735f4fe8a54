package io.cxloop.engine.insight;

import static io.cxloop.engine.support.Fixtures.event;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static io.cxloop.engine.support.Fixtures.purchaseCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.ProcessDriver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A trigger holds half of its customers out as control: they get no message, their campaigns still record whether
 * they buy, and the uplift report compares them with the treated half. Customer ids and the trigger key are fixed, so
 * the groups are known in advance (SHA-256 of customer id and trigger key): 15 treated, 9 control.
 */
class HoldoutUpliftIT extends EngineIT {

    private static final String TRIGGER = "checkout-holdout";
    private static final int CUSTOMERS = 24;

    @Autowired
    ManagementService management;

    @Test
    void heldOutCustomersGetNoMessageTheirOutcomeIsRecordedAndTheUpliftIsReported() {
        assertThat(admin().postForEntity("/api/triggers", trigger(0.6), JsonNode.class)
                        .getStatusCode())
                .as("at most half of the customers can be held out")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> created = admin().postForEntity("/api/triggers", trigger(0.5), JsonNode.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("controlShare").decimalValue()).isEqualByComparingTo("0.5");
        ProcessDriver processes = new ProcessDriver(management);

        Map<String, Integer> groups = new HashMap<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            String customerId = "holdout-%02d".formatted(i);
            newCustomer(customerId, germanCustomerWithEmailConsent(customerId + "@holdout.example"));
            String processInstanceId =
                    startedProcess(postAsAdmin("/api/events", event(customerId, "CHECKOUT_STARTED")), TRIGGER);
            processes.fireTimer(processInstanceId, "Event_DelayElapsed");

            JsonNode campaign = campaignOf(customerId, TRIGGER);
            boolean control = "CONTROL".equals(campaign.path("holdoutGroup").asText());
            groups.merge(campaign.path("holdoutGroup").asText(), 1, Integer::sum);
            JsonNode decision = admin().getForObject("/api/customers/" + customerId + "/decisions", JsonNode.class)
                    .get(0);
            JsonNode messages = admin().getForObject("/api/messages?customerId=" + customerId, JsonNode.class);
            if (control) {
                assertThat(decision.path("action").asText()).isEqualTo("NO_ACTION");
                assertThat(decision.path("channel").isNull()
                                || decision.path("channel").isMissingNode())
                        .isTrue();
                List<String> rules = decision.path("explanations").findValuesAsText("rule");
                assertThat(rules).contains("The offer with the highest priority wins");
                assertThat(rules.get(rules.size() - 1)).isEqualTo("Held out as control");
                assertThat(decision.path("explanations").toString())
                        .contains("is in the control group of trigger " + TRIGGER + " (50 % of its customers)");
                assertThat(messages).as("no message for %s", customerId).isEmpty();
            } else {
                assertThat(campaign.path("holdoutGroup").asText()).isEqualTo("TREATED");
                assertThat(decision.path("action").asText()).isEqualTo("RECONNECT_OFFER");
                assertThat(messages).hasSize(1);
            }

            // treated customers buy every second time, control customers every fourth time
            if (i % (control ? 4 : 2) == 0) {
                postAsAdmin("/api/events", purchaseCompleted(customerId));
                processes.runAsyncJobs(processInstanceId);
                assertThat(campaignOf(customerId, TRIGGER).path("outcome").asText())
                        .isEqualTo(control ? "CONVERTED_IN_CONTROL" : "CONVERTED_AFTER_CONTACT");
            } else {
                processes.fireTimer(processInstanceId, control ? "Event_ControlWindowEnded" : "Event_OfferExpired");
                assertThat(campaignOf(customerId, TRIGGER).path("outcome").asText())
                        .isEqualTo(control ? "EXPIRED_IN_CONTROL" : "EXPIRED");
            }
        }
        assertThat(groups).isEqualTo(Map.of("TREATED", 15, "CONTROL", 9));

        JsonNode report = admin().getForObject("/api/reports/uplift?trigger=" + TRIGGER, JsonNode.class);

        assertThat(report.path("treated").path("campaigns").asLong()).isEqualTo(15);
        assertThat(report.path("treated").path("conversions").asLong()).isEqualTo(8);
        assertThat(report.path("treated").path("conversionRate").asDouble()).isCloseTo(8.0 / 15, within(1e-12));
        assertThat(report.path("control").path("campaigns").asLong()).isEqualTo(9);
        assertThat(report.path("control").path("conversions").asLong()).isEqualTo(2);
        assertThat(report.path("control").path("conversionRate").asDouble()).isCloseTo(2.0 / 9, within(1e-12));
        assertThat(report.path("absoluteUplift").asDouble()).isCloseTo(8.0 / 15 - 2.0 / 9, within(1e-12));
        // Newcombe's hybrid score interval of 8/15 - 2/9
        assertThat(report.path("confidenceInterval95").path("lower").asDouble()).isCloseTo(-0.088448230, within(1e-8));
        assertThat(report.path("confidenceInterval95").path("upper").asDouble()).isCloseTo(0.581395224, within(1e-8));
        assertThat(report.path("method").asText()).contains("Newcombe");
        assertThat(report.path("sufficientSample").asBoolean()).isFalse();
        assertThat(report.path("note").asText()).startsWith("Samples too small for a reliable interval");
        assertThat(report.path("running").asLong()).isZero();

        ResponseEntity<JsonNode> noTrigger = admin().getForEntity("/api/reports/uplift", JsonNode.class);
        assertThat(noTrigger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noTrigger.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("trigger");
        assertThat(anonymous
                        .getForEntity("/api/reports/uplift?trigger=" + TRIGGER, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static Map<String, Object> trigger(double controlShare) {
        Map<String, Object> trigger = new HashMap<>();
        trigger.put("key", TRIGGER);
        trigger.put("eventType", "CHECKOUT_STARTED");
        trigger.put("delay", "PT1H");
        trigger.put("goalEventType", "PURCHASE_COMPLETED");
        trigger.put("offer", Map.of("percent", 10, "validity", "PT24H", "freeExpressShipping", false));
        trigger.put("channels", List.of("EMAIL"));
        trigger.put("template", "reconnect-offer");
        trigger.put("reEntry", "P7D");
        trigger.put("active", true);
        trigger.put("controlShare", controlShare);
        return trigger;
    }
}
