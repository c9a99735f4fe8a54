package io.cxloop.engine.decision;

import static io.cxloop.engine.support.Fixtures.customerWithoutConsent;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static io.cxloop.engine.support.Fixtures.offer;
import static io.cxloop.engine.support.Fixtures.triggerOfOffers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.security.Role;
import io.cxloop.engine.support.EngineIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Systems that ask for decisions over the API report what became of the offer; the outcome teaches the offer's
 * propensity like a campaign's, and for a customer held out of the offer it measures the offer's uplift instead.
 */
class DecisionOutcomeIT extends EngineIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void reportedOutcomesMoveThePropensityOfTheNextDecision() {
        String offer = createOffer(offer("api-learning-" + run, "DISCOUNT", 10));
        String trigger = createTrigger("api-learning-" + run, offer);

        JsonNode first = decide(newCustomer(), trigger);
        assertThat(first.path("offerId").asText()).isEqualTo(offer);
        assertThat(first.path("offerGroup").asText()).isEqualTo("TREATED");
        assertThat(first.path("score").asDouble()).isCloseTo(1.0, within(1e-9));
        String decisionId = first.path("decisionId").asText();

        ResponseEntity<JsonNode> recorded = report(decisionId, "CONVERTED");
        assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(recorded.getBody().path("group").asText()).isEqualTo("TREATED");
        assertThat(recorded.getBody().path("offerId").asText()).isEqualTo(offer);
        // once per decision: the same outcome again changes nothing, another one is a conflict
        ResponseEntity<JsonNode> again = report(decisionId, "CONVERTED");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("recordedNow").asBoolean()).isFalse();
        assertThat(report(decisionId, "IGNORED").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // (1 + 1) / (10 + 1) × 10
        JsonNode second = decide(newCustomer(), trigger);
        assertThat(second.path("score").asDouble()).isCloseTo(20.0 / 11, within(1e-9));
        assertThat(reasons(second))
                .anySatisfy(reason -> assertThat(reason).contains("propensity 0.182 (1 conversion in 1 message"));
        assertThat(report(second.path("decisionId").asText(), "IGNORED").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // (1 + 1) / (10 + 2) × 10
        assertThat(decide(newCustomer(), trigger).path("score").asDouble()).isCloseTo(20.0 / 12, within(1e-9));
    }

    @Test
    void aCustomerHeldOutOfTheOfferGetsNoActionAndTheReportedOutcomeCountsForTheUpliftOnly() {
        // api-holdout-01 and -03 are treated, -02 and -04 held out (SHA-256 computed outside the application)
        Map<String, Object> guide = offer("api-holdout-guide", "CONTENT", 5);
        guide.put("controlShare", 0.5);
        String offer = createOffer(guide);
        String trigger = createTrigger("api-holdout", offer);
        for (int i = 1; i <= 4; i++) {
            newCustomer("api-holdout-0" + i, germanCustomerWithEmailConsent("api-holdout-0" + i + "@example.com"));
        }

        JsonNode heldOut = decide("api-holdout-02", trigger);
        assertThat(heldOut.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(heldOut.path("offerGroup").asText()).isEqualTo("CONTROL");
        assertThat(heldOut.path("offerId").asText()).isEqualTo(offer);
        assertThat(heldOut.path("channel").isNull() || heldOut.path("channel").isMissingNode())
                .isTrue();
        assertThat(heldOut.path("offer").isNull() || heldOut.path("offer").isMissingNode())
                .isTrue();
        List<String> rules = heldOut.path("explanation").findValuesAsText("rule");
        assertThat(rules.get(rules.size() - 1)).isEqualTo("Held out of the offer as control");
        ResponseEntity<JsonNode> controlOutcome =
                report(heldOut.path("decisionId").asText(), "CONVERTED");
        assertThat(controlOutcome.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(controlOutcome.getBody().path("group").asText()).isEqualTo("CONTROL");
        JsonNode stored = admin().getForObject(
                        "/api/decisions/" + heldOut.path("decisionId").asText(), JsonNode.class);
        assertThat(stored.path("action").asText()).isEqualTo("NO_ACTION");

        JsonNode treated = decide("api-holdout-01", trigger);
        assertThat(treated.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(treated.path("offerGroup").asText()).isEqualTo("TREATED");
        // the held-out customer's conversion taught the propensity nothing
        assertThat(reasons(treated))
                .anySatisfy(reason -> assertThat(reason).contains("propensity 0.1 (0 conversions in 0 messages"));
        assertThat(report(treated.path("decisionId").asText(), "IGNORED").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(decide("api-holdout-03", trigger).path("offerGroup").asText())
                .isEqualTo("TREATED");

        JsonNode uplift = as(Role.ANALYST).getForObject("/api/reports/uplift?offer=" + offer, JsonNode.class);
        assertThat(uplift.path("treated").path("campaigns").asLong()).isEqualTo(1);
        assertThat(uplift.path("treated").path("conversions").asLong()).isZero();
        assertThat(uplift.path("control").path("campaigns").asLong()).isEqualTo(1);
        assertThat(uplift.path("control").path("conversions").asLong()).isEqualTo(1);
        assertThat(uplift.path("absoluteUplift").asDouble()).isEqualTo(-1.0);
        assertThat(uplift.path("running").asLong())
                .as("api-holdout-03 has not been reported")
                .isEqualTo(1);
    }

    @Test
    void badOutcomeReportsAreRefused() {
        String offer = createOffer(offer("api-bad-" + run, "DISCOUNT", 10));
        String trigger = createTrigger("api-bad-" + run, offer);
        String decisionId = decide(newCustomer(), trigger).path("decisionId").asText();

        ResponseEntity<JsonNode> missing =
                admin().postForEntity("/api/decisions/" + decisionId + "/outcome", Map.of(), JsonNode.class);
        assertBadRequest(missing, "outcome");
        assertBadRequest(report(decisionId, "MAYBE"), "outcome");
        assertThat(report("no-such-decision", "CONVERTED").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // a decision that made no offer has nothing to learn
        String withoutConsent = newCustomer(
                "api-bad-" + UUID.randomUUID().toString().substring(0, 12),
                customerWithoutConsent("api-bad-" + run + "@example.com"));
        JsonNode noAction = decide(withoutConsent, trigger);
        assertThat(noAction.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(report(noAction.path("decisionId").asText(), "CONVERTED").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(as(Role.ANALYST)
                        .postForEntity(
                                "/api/decisions/" + decisionId + "/outcome",
                                Map.of("outcome", "CONVERTED"),
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous
                        .postForEntity(
                                "/api/decisions/" + decisionId + "/outcome",
                                Map.of("outcome", "CONVERTED"),
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private String createOffer(Map<String, Object> offer) {
        return create(admin(), "/api/offers", offer).path("offerId").asText();
    }

    /** A trigger that only this test's decisions use (no event of any test carries such a cart). */
    private String createTrigger(String key, String offer) {
        return create(admin(), "/api/triggers", triggerOfOffers(key, List.of(offer), 987_654_321))
                .path("key")
                .asText();
    }

    private ResponseEntity<JsonNode> report(String decisionId, String outcome) {
        return admin().postForEntity(
                        "/api/decisions/" + decisionId + "/outcome", Map.of("outcome", outcome), JsonNode.class);
    }

    private String newCustomer() {
        String customerId = "api-outcome-" + UUID.randomUUID().toString().substring(0, 12);
        return newCustomer(customerId, germanCustomerWithEmailConsent(customerId + "@example.com"));
    }
}
