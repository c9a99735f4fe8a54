package io.cxloop.engine.offer;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Analysts weigh offer kinds with business levers, for every trigger or for one: the arbitration multiplies the
 * lever into the priority and shows it among the score terms.
 */
class OfferLeversIT extends EngineIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** Levers hold for every decision: leave none behind for the other tests. */
    @AfterEach
    void noLevers() {
        putLevers(as(Role.ANALYST), List.of());
    }

    @Test
    void aLeverForAKindInOneTriggerWinsOverTheOneForEveryTrigger() {
        String discount = createOffer(offer("lever-ten-" + run, "DISCOUNT", 10));
        String guide = createOffer(offer("lever-guide-" + run, "CONTENT", 5));
        String boosted = createTrigger("lever-boosted-" + run, List.of(discount, guide));
        String plain = createTrigger("lever-plain-" + run, List.of(discount, guide));

        // 0.1 × 10 = 1 beats 0.1 × 5 = 0.5
        assertThat(decide(boosted).path("offerId").asText()).isEqualTo(discount);

        ResponseEntity<JsonNode> set = putLevers(
                as(Role.ANALYST),
                List.of(
                        Map.of("kind", "CONTENT", "lever", 0.1),
                        Map.of("kind", "CONTENT", "trigger", boosted, "lever", 3)));
        assertThat(set.getStatusCode()).as("%s", set.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode levers = as(Role.MARKETER).getForObject("/api/offers/levers", JsonNode.class);
        assertThat(levers.path("updatedBy").asText()).isEqualTo(userOf(Role.ANALYST));
        assertThat(levers.path("levers")).hasSize(2);

        // in the boosted trigger 0.1 × 5 × 1 × 3 = 1.5 beats 1 …
        JsonNode inBoosted = decide(boosted);
        assertThat(inBoosted.path("offerId").asText()).isEqualTo(guide);
        assertThat(inBoosted.path("score").asDouble()).isCloseTo(1.5, within(1e-9));
        assertThat(reasons(inBoosted))
                .anySatisfy(reason -> assertThat(reason)
                        .startsWith("offer " + guide + " (Offer " + guide + ") on EMAIL: priority 1.5 = propensity 0.1")
                        .endsWith("× value 5 × weight 1 × lever 3 for CONTENT"))
                .anySatisfy(reason ->
                        assertThat(reason).startsWith("offer " + discount).endsWith("× value 10 × weight 1"));
        // … elsewhere the lever for every trigger holds: 0.1 × 5 × 0.1 = 0.05
        JsonNode inPlain = decide(plain);
        assertThat(inPlain.path("offerId").asText()).isEqualTo(discount);
        assertThat(reasons(inPlain)).anySatisfy(reason -> assertThat(reason)
                .startsWith("offer " + guide + " (Offer " + guide + ") on EMAIL: priority 0.05 =")
                .endsWith("× lever 0.1 for CONTENT"));
    }

    @Test
    void onlyAnalystsSetLeversAndBadOnesAreAnswered400NamingTheField() {
        String trigger =
                createTrigger("lever-bad-" + run, List.of(createOffer(offer("lever-bad-" + run, "CONTENT", 1))));

        assertThat(putLevers(as(Role.MARKETER), List.of(Map.of("kind", "CONTENT", "lever", 2)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertBad(List.of(Map.of("kind", "CONTENT", "lever", -1)), "levers[0].lever");
        assertBad(List.of(Map.of("kind", "CONTENT", "lever", 101)), "levers[0].lever");
        assertBad(List.of(Map.of("lever", 2)), "levers[0].kind");
        assertBad(
                List.of(Map.of("kind", "CONTENT", "trigger", "no-such-trigger-" + run, "lever", 2)),
                "levers[0].trigger");
        assertBad(
                List.of(
                        Map.of("kind", "CONTENT", "trigger", trigger, "lever", 2),
                        Map.of("kind", "CONTENT", "trigger", trigger, "lever", 3)),
                "levers[1]");
        assertThat(as(Role.ANALYST)
                        .getForObject("/api/offers/levers", JsonNode.class)
                        .path("levers"))
                .isEmpty();

        assertBadRequest(
                as(Role.MARKETER).postForEntity("/api/offers", offer("levers", "CONTENT", 1), JsonNode.class),
                "offerId");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void assertBad(List<Map<String, Object>> levers, String field) {
        assertBadRequest(putLevers(as(Role.ANALYST), levers), field);
    }

    private static ResponseEntity<JsonNode> putLevers(TestRestTemplate client, List<Map<String, Object>> levers) {
        return client.exchange(
                "/api/offers/levers", HttpMethod.PUT, new HttpEntity<>(Map.of("levers", levers)), JsonNode.class);
    }

    private String createOffer(Map<String, Object> offer) {
        return create(as(Role.MARKETER), "/api/offers", offer).path("offerId").asText();
    }

    /** A trigger only this test's decisions use (no event of any test carries such a cart). */
    private String createTrigger(String key, List<String> offers) {
        return create(as(Role.MARKETER), "/api/triggers", triggerOfOffers(key, offers, 987_654_321))
                .path("key")
                .asText();
    }

    private JsonNode decide(String trigger) {
        String customerId = "levers-" + UUID.randomUUID().toString().substring(0, 12);
        newCustomer(customerId, germanCustomerWithEmailConsent(customerId + "@example.com"));
        return decide(customerId, trigger);
    }
}
