package io.cxloop.engine.offer;

import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static io.cxloop.engine.support.Fixtures.offer;
import static io.cxloop.engine.support.Fixtures.purchaseCompleted;
import static io.cxloop.engine.support.Fixtures.triggerOfOffers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.insight.Uplift;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.ProcessDriver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A catalogue offer holds a share of the customers it is chosen for out as its control group: after the arbitration
 * chose it, they get no message, their outcome is recorded as the offer's control (never as its propensity), and the
 * uplift report compares them with the treated ones. Customer and offer ids are fixed, so the groups are known in
 * advance (the first 64 bits of SHA-256 of {@code customerId + "\n" + "offer:" + offerId} below one half).
 */
class OfferHoldoutIT extends EngineIT {

    private static final String OFFER = "holdout-discount";
    private static final String TRIGGER = "offer-holdout";
    /** The customers offer-holdout-01 … 16 in the offer's control group (computed outside the application). */
    private static final Set<Integer> CONTROL = Set.of(1, 3, 4, 5, 6, 8, 9, 10, 11, 12, 14, 16);
    /** Above every other test's minimum cart value, so only this test's trigger and broader ones match. */
    private static final double CART = 12_345_678;

    @Autowired
    ManagementService management;

    @Test
    void anOffersControlShareIsAtMostOneHalf() {
        Map<String, Object> tooMany = discount("holdout-too-many", 10);
        tooMany.put("controlShare", 0.6);
        assertBadRequest(admin().postForEntity("/api/offers", tooMany, JsonNode.class), "controlShare");

        Map<String, Object> negative = discount("holdout-negative", 10);
        negative.put("controlShare", -0.1);
        assertThat(fieldOf(admin().postForEntity("/api/offers", negative, JsonNode.class)))
                .isEqualTo("controlShare");
    }

    @Test
    void customersInAnOffersControlGroupGetNoMessageAndTheOffersUpliftIsReported() {
        Map<String, Object> offer = discount(OFFER, 10);
        offer.put("controlShare", 0.5);
        JsonNode created = create(admin(), "/api/offers", offer);
        assertThat(created.path("controlShare").decimalValue()).isEqualByComparingTo("0.5");
        create(admin(), "/api/triggers", triggerOfOffers(TRIGGER, List.of(OFFER), CART - 1));
        ProcessDriver processes = new ProcessDriver(management);

        int treated = 0, treatedConversions = 0, control = 0, controlConversions = 0;
        String campaignDecision = null;
        for (int i = 1; i <= 16; i++) {
            String customerId = "offer-holdout-%02d".formatted(i);
            newCustomer(customerId);
            String processInstanceId = cartAbandonedCampaign(customerId, CART, TRIGGER);
            processes.fireTimer(processInstanceId, "Event_DelayElapsed");

            JsonNode campaign = campaignOf(customerId, TRIGGER);
            JsonNode decision = admin().getForObject("/api/customers/" + customerId + "/decisions", JsonNode.class)
                    .get(0);
            JsonNode messages = admin().getForObject("/api/messages?customerId=" + customerId, JsonNode.class);
            boolean heldOut = CONTROL.contains(i);
            // the trigger holds nobody out: every campaign is the trigger's treated group
            assertThat(campaign.path("holdoutGroup").asText()).isEqualTo("TREATED");
            assertThat(decision.path("offerId").asText()).isEqualTo(OFFER);
            if (heldOut) {
                assertThat(decision.path("action").asText()).isEqualTo("NO_ACTION");
                List<String> rules = decision.path("explanations").findValuesAsText("rule");
                assertThat(rules).contains("The offer with the highest priority wins");
                assertThat(rules.get(rules.size() - 1)).isEqualTo("Held out of the offer as control");
                assertThat(decision.path("explanations").toString())
                        .contains("customer " + customerId + " is in the control group of the offer (50 % of the"
                                + " customers it is chosen for) and gets no EMAIL message");
                assertThat(messages).as("no message for %s", customerId).isEmpty();
                control++;
            } else {
                assertThat(decision.path("action").asText()).isEqualTo("RECONNECT_OFFER");
                assertThat(messages).hasSize(1);
                treated++;
                campaignDecision = decision.path("decisionId").asText();
            }

            // every second customer buys
            if (i % 2 == 0) {
                postAsAdmin("/api/events", purchaseCompleted(customerId));
                processes.runAsyncJobs(processInstanceId);
                assertThat(campaignOf(customerId, TRIGGER).path("outcome").asText())
                        .isEqualTo(heldOut ? "CONVERTED_IN_CONTROL" : "CONVERTED_AFTER_CONTACT");
                if (heldOut) {
                    controlConversions++;
                } else {
                    treatedConversions++;
                }
            } else {
                processes.fireTimer(processInstanceId, heldOut ? "Event_ControlWindowEnded" : "Event_OfferExpired");
                assertThat(campaignOf(customerId, TRIGGER).path("outcome").asText())
                        .isEqualTo(heldOut ? "EXPIRED_IN_CONTROL" : "EXPIRED");
            }
        }
        assertThat(List.of(treated, treatedConversions, control, controlConversions))
                .isEqualTo(List.of(4, 1, 12, 7));

        JsonNode report = admin().getForObject("/api/reports/uplift?offer=" + OFFER, JsonNode.class);
        assertThat(report.path("offer").asText()).isEqualTo(OFFER);
        assertThat(report.path("treated").path("campaigns").asLong()).isEqualTo(4);
        assertThat(report.path("treated").path("conversions").asLong()).isEqualTo(1);
        assertThat(report.path("control").path("campaigns").asLong()).isEqualTo(12);
        assertThat(report.path("control").path("conversions").asLong()).isEqualTo(7);
        assertThat(report.path("absoluteUplift").asDouble()).isCloseTo(1.0 / 4 - 7.0 / 12, within(1e-12));
        Uplift.Interval interval = Uplift.newcombe(1, 4, 7, 12);
        assertThat(report.path("confidenceInterval95").path("lower").asDouble())
                .isCloseTo(interval.lower(), within(1e-12));
        assertThat(report.path("confidenceInterval95").path("upper").asDouble())
                .isCloseTo(interval.upper(), within(1e-12));
        assertThat(report.path("sufficientSample").asBoolean()).isFalse();
        assertThat(report.path("running").asLong()).isZero();

        // for the trigger, customers held out of the offer are treated ones: the trigger's policy applied to them
        JsonNode ofTrigger = admin().getForObject("/api/reports/uplift?trigger=" + TRIGGER, JsonNode.class);
        assertThat(ofTrigger.path("treated").path("campaigns").asLong()).isEqualTo(16);
        assertThat(ofTrigger.path("treated").path("conversions").asLong()).isEqualTo(8);

        // the propensity learned only from the customers who got the offer: 1 conversion in 4 messages
        // (offer-holdout-18 is a new customer of the offer's treated group)
        newCustomer("offer-holdout-18");
        JsonNode next = admin().postForEntity(
                        "/api/decisions/next-best-action",
                        Map.of("customerId", "offer-holdout-18", "context", Map.of("trigger", TRIGGER)),
                        JsonNode.class)
                .getBody();
        assertThat(next.path("offerGroup").asText()).as("%s", next).isEqualTo("TREATED");
        assertThat(reasons(next)).anySatisfy(reason -> assertThat(reason)
                .contains("propensity 0.143 (1 conversion in 4 messages, prior Beta(1, 9))"));

        // a campaign records its decision's outcome itself
        ResponseEntity<JsonNode> notOurs = admin().postForEntity(
                        "/api/decisions/" + campaignDecision + "/outcome",
                        Map.of("outcome", "CONVERTED"),
                        JsonNode.class);
        assertThat(notOurs.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> both =
                admin().getForEntity("/api/reports/uplift?offer=" + OFFER + "&trigger=" + TRIGGER, JsonNode.class);
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldOf(both)).isEqualTo("offer");
        ResponseEntity<JsonNode> unknown =
                admin().getForEntity("/api/reports/uplift?offer=no-such-offer", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldOf(unknown)).isEqualTo("offer");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Map<String, Object> discount(String id, double value) {
        return offer(id, "DISCOUNT", value);
    }

    private void newCustomer(String customerId) {
        newCustomer(customerId, germanCustomerWithEmailConsent(customerId + "@offer-holdout.example"));
    }
}
