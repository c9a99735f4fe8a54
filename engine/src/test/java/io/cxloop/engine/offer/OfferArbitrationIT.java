package io.cxloop.engine.offer;

import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static io.cxloop.engine.support.Fixtures.offer;
import static io.cxloop.engine.support.Fixtures.purchaseCompleted;
import static io.cxloop.engine.support.Fixtures.triggerOfOffers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.security.Role;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.ProcessDriver;
import io.cxloop.rules.nba.CandidateOffer;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
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

/**
 * The offer catalogue and the arbitration through the REST API: marketers and analysts keep offers, triggers name
 * them, the decision picks the one with the highest priority and explains its terms, issued codes count against caps
 * and budgets, and what campaigns achieve moves the propensities.
 */
class OfferArbitrationIT extends EngineIT {

    /** Cart value of this test's events: its triggers' minimum keeps other tests' events out. */
    private static final double BIG_CART = 9_999_999;

    @Autowired
    ManagementService management;

    ProcessDriver processes;

    /** Per test run, so that offers and triggers of earlier runs on the same database do not count. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void processes() {
        processes = new ProcessDriver(management);
    }

    @Test
    void marketersAndAnalystsKeepTheCatalogue() {
        String id = "summer-" + run;
        ResponseEntity<JsonNode> created =
                as(Role.MARKETER).postForEntity("/api/offers", discount(id, 10, 10), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("updatedBy").asText()).isEqualTo(userOf(Role.MARKETER));
        assertThat(created.getBody().path("weight").asDouble()).isEqualTo(1.0);

        Map<String, Object> heavier = discount(id, 10, 10);
        heavier.put("weight", 2.5);
        heavier.put("channels", List.of("EMAIL"));
        ResponseEntity<JsonNode> changed = as(Role.ANALYST)
                .exchange("/api/offers/" + id, HttpMethod.PUT, new HttpEntity<>(heavier), JsonNode.class);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode stored = as(Role.ANALYST).getForObject("/api/offers/" + id, JsonNode.class);
        assertThat(stored.path("weight").asDouble()).isEqualTo(2.5);
        assertThat(stored.path("channels").get(0).asText()).isEqualTo("EMAIL");
        assertThat(stored.path("updatedBy").asText()).isEqualTo(userOf(Role.ANALYST));
        assertThat(as(Role.MARKETER).getForObject("/api/offers", JsonNode.class))
                .anySatisfy(offer -> assertThat(offer.path("offerId").asText()).isEqualTo(id));

        assertThat(as(Role.MARKETER)
                        .postForEntity("/api/offers", discount(id, 10, 10), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(as(Role.AGENT).getForEntity("/api/offers", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.getForEntity("/api/offers", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Void> deleted =
                as(Role.MARKETER).exchange("/api/offers/" + id, HttpMethod.DELETE, null, Void.class);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as(Role.MARKETER)
                        .getForEntity("/api/offers/" + id, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void badOffersAreAnsweredWith400NamingTheField() {
        String id = "bad-" + run;
        Map<String, Object> discountWithoutPercent = discount(id, 10, 10);
        discountWithoutPercent.remove("percent");
        assertBadOffer(discountWithoutPercent, "percent");

        Map<String, Object> contentWithPercent = offer(id, "CONTENT", 2);
        contentWithPercent.put("percent", 5);
        assertBadOffer(contentWithPercent, "percent");

        Map<String, Object> noValidity = discount(id, 10, 10);
        noValidity.remove("validity");
        assertBadOffer(noValidity, "validity");

        Map<String, Object> negativeValue = discount(id, 10, -1);
        assertBadOffer(negativeValue, "value");

        Map<String, Object> backwards = discount(id, 10, 10);
        backwards.put("activeFrom", "2026-12-01T00:00:00Z");
        backwards.put("activeUntil", "2026-11-01T00:00:00Z");
        assertBadOffer(backwards, "activeUntil");

        Map<String, Object> budgetWithoutCost = discount(id, 10, 10);
        budgetWithoutCost.put("budgetAmount", 500);
        assertBadOffer(budgetWithoutCost, "costPerIssue");

        Map<String, Object> zeroCap = discount(id, 10, 10);
        zeroCap.put("capPerCustomer", 0);
        assertBadOffer(zeroCap, "capPerCustomer");

        Map<String, Object> unknownTemplate = discount(id, 10, 10);
        unknownTemplate.put("template", "no-such-template");
        assertBadOffer(unknownTemplate, "template");

        Map<String, Object> badId = discount("Not An Id", 10, 10);
        assertBadOffer(badId, "offerId");
    }

    @Test
    void aTriggerNamesCatalogueOffersThatExist() {
        Map<String, Object> unknownOffer = trigger("offers-unknown-" + run, List.of("no-such-offer-" + run));
        ResponseEntity<JsonNode> rejected = admin().postForEntity("/api/triggers", unknownOffer, JsonNode.class);
        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldOf(rejected)).isEqualTo("offers[0]");

        Map<String, Object> noOfferAtAll = trigger("offers-none-" + run, List.of());
        ResponseEntity<JsonNode> empty = admin().postForEntity("/api/triggers", noOfferAtAll, JsonNode.class);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldOf(empty)).isEqualTo("offer");
    }

    @Test
    void theDecisionChoosesTheOfferWithTheHighestPriorityAndExplainsEveryCandidate() {
        String tenPercent = createOffer(discount("ten-" + run, 10, 10));
        Map<String, Object> smsOnly = offer("sms-shipping-" + run, "FREE_SHIPPING", 50);
        smsOnly.put("channels", List.of("SMS"));
        String shipping = createOffer(smsOnly);
        Map<String, Object> christmas = offer("christmas-guide-" + run, "CONTENT", 80);
        christmas.put("activeFrom", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        String guide = createOffer(christmas);
        Map<String, Object> lowValue = offer("review-" + run, "REVIEW_INVITE", 3);
        String review = createOffer(lowValue);
        String trigger =
                createTrigger(trigger("offers-arbitration-" + run, List.of(review, tenPercent, shipping, guide)));
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));

        JsonNode decision = decide(customerId, trigger);

        assertThat(decision.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(decision.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(decision.path("offerId").asText()).isEqualTo(tenPercent);
        assertThat(decision.path("offer").path("percent").asInt()).isEqualTo(10);
        assertThat(decision.path("score").asDouble()).isEqualTo(1.0);
        assertThat(reasons(decision))
                .anySatisfy(reason -> assertThat(reason)
                        .startsWith("offer " + tenPercent + " (Offer " + tenPercent + ") on EMAIL: priority 1 ="
                                + " propensity 0.1 (0 conversions in 0 messages, prior Beta(1, 9)) × value 10")
                        .endsWith("× weight 1"))
                .anySatisfy(reason -> assertThat(reason)
                        .startsWith("offer " + review)
                        .contains("not chosen: its priority 0.3 is below 1 of offer " + tenPercent))
                .anySatisfy(reason ->
                        assertThat(reason).startsWith("offer " + shipping).contains("rejected: it goes only on [SMS]"))
                .anySatisfy(reason ->
                        assertThat(reason).startsWith("offer " + guide).contains("rejected: it is made from"));
        String decisionId = decision.path("decisionId").asText();
        JsonNode stored = as(Role.ANALYST).getForObject("/api/decisions/" + decisionId, JsonNode.class);
        assertThat(stored.path("offerId").asText()).isEqualTo(tenPercent);
        assertThat(stored.path("score").asDouble()).isEqualTo(1.0);

        // the recorded inputs carry the candidates, so a simulation replays exactly this arbitration
        NextBestActionRequest recorded =
                decisions
                        .inputsBetween(
                                "next-best-action", Instant.EPOCH, Instant.now().plusSeconds(1), 100_000)
                        .stream()
                        .filter(input -> input.decisionId().equals(decisionId))
                        .map(input -> read(input.inputFacts()))
                        .findFirst()
                        .orElseThrow();
        assertThat(recorded.offers())
                .extracting(CandidateOffer::offerId)
                .containsExactly(review, tenPercent, shipping, guide);
        assertThat(NextBestActionEngine.builtIn().decide(recorded).offerId()).isEqualTo(tenPercent);
    }

    @Autowired
    DecisionRepository decisions;

    @Autowired
    ObjectMapper json;

    private NextBestActionRequest read(String facts) {
        try {
            return json.readValue(facts, NextBestActionRequest.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCustomerCapAndABudgetCountTheCodesIssued() {
        Map<String, Object> oncePerCustomer = discount("once-" + run, 20, 10);
        oncePerCustomer.put("capPerCustomer", 1);
        oncePerCustomer.put("capWindow", "P30D");
        String once = createOffer(oncePerCustomer);
        Map<String, Object> twoCodes = offer("two-codes-" + run, "FREE_SHIPPING", 9);
        twoCodes.put("maxIssues", 2);
        String limited = createOffer(twoCodes);
        Map<String, Object> fallback = offer("fallback-guide-" + run, "CONTENT", 1);
        String guide = createOffer(fallback);
        Map<String, Object> definition = trigger("offers-caps-" + run, List.of(once, limited, guide));
        definition.put("reEntry", "PT0S");
        String trigger = createTrigger(definition);
        String first = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        String second = newCustomer(germanCustomerWithEmailConsent(mailbox()));

        // the first customer's campaign issues the once-per-customer offer
        String campaign = cartAbandonedCampaign(first, BIG_CART, trigger);
        processes.fireTimer(campaign, "Event_DelayElapsed");
        assertThat(decisionsOf(first).get(0).path("offerId").asText()).isEqualTo(once);

        // asked again, the first customer has had it: the budgeted offer is next
        JsonNode again = decide(first, trigger);
        assertThat(again.path("offerId").asText()).isEqualTo(limited);
        assertThat(reasons(again)).anySatisfy(reason -> assertThat(reason)
                .isEqualTo("offer " + once + " (Offer " + once + ") rejected: the customer got it 1 time(s)"
                        + " within 30 days; its cap is 1"));

        // two codes of the budgeted offer are issued (to the second customer, whose cap allows the first offer too)
        String secondCampaign = cartAbandonedCampaign(second, BIG_CART, trigger);
        processes.fireTimer(secondCampaign, "Event_DelayElapsed");
        assertThat(decisionsOf(second).get(0).path("offerId").asText()).isEqualTo(once);
        issueDirectly(second, limited, 2);

        JsonNode spent = decide(first, trigger);
        assertThat(spent.path("offerId").asText()).isEqualTo(guide);
        assertThat(reasons(spent)).anySatisfy(reason -> assertThat(reason)
                .isEqualTo("offer " + limited + " (Offer " + limited + ") rejected: its budget of 2 issues is"
                        + " spent (2 issued)"));
    }

    @Test
    void offersThatCampaignsSentWithoutAPurchaseLoseTheirLeadForThatSegment() {
        String tenPercent = createOffer(discount("learning-ten-" + run, 10, 10));
        String shipping = createOffer(offer("learning-shipping-" + run, "FREE_SHIPPING", 9));
        String trigger = createTrigger(trigger("offers-learning-" + run, List.of(tenPercent, shipping)));

        // 0.1 × 10 = 1 beats 0.1 × 9 = 0.9: low-value customers get the discount …
        for (int i = 0; i < 2; i++) {
            String customerId = newCustomer(inSegment("LOW"));
            String campaign = cartAbandonedCampaign(customerId, BIG_CART, trigger);
            processes.fireTimer(campaign, "Event_DelayElapsed");
            assertThat(decisionsOf(customerId).get(0).path("offerId").asText()).isEqualTo(tenPercent);
            // … and let it expire
            processes.fireTimer(campaign, "Event_OfferExpired");
            assertThat(campaignOf(customerId, trigger).path("outcome").asText()).isEqualTo("EXPIRED");
        }

        // 1 / (10 + 2) × 10 = 0.83 is now below 0.9
        JsonNode lowValue = decide(newCustomer(inSegment("LOW")), trigger);
        assertThat(lowValue.path("offerId").asText()).isEqualTo(shipping);
        assertThat(reasons(lowValue)).anySatisfy(reason -> assertThat(reason)
                .startsWith("offer " + tenPercent + " (Offer " + tenPercent + ") on EMAIL: priority 0.833 ="
                        + " propensity 0.083 (0 conversions in 2 messages, prior Beta(1, 9))"));

        // what low-value customers did says nothing about high-value ones
        JsonNode highValue = decide(newCustomer(inSegment("HIGH")), trigger);
        assertThat(highValue.path("offerId").asText()).isEqualTo(tenPercent);
    }

    @Test
    void aPurchaseAfterTheMessageCountsAsAConversionOfTheOffer() {
        String tenPercent = createOffer(discount("converting-" + run, 10, 10));
        String trigger = createTrigger(trigger("offers-converting-" + run, List.of(tenPercent)));
        String customerId = newCustomer(inSegment("MEDIUM"));
        String campaign = cartAbandonedCampaign(customerId, BIG_CART, trigger);
        processes.fireTimer(campaign, "Event_DelayElapsed");

        Map<String, Object> purchase = purchaseCompleted(customerId);
        admin().postForEntity("/api/events", purchase, JsonNode.class);
        processes.runAsyncJobs(campaign);
        assertThat(campaignOf(customerId, trigger).path("outcome").asText()).isEqualTo("CONVERTED_AFTER_CONTACT");

        JsonNode next = decide(newCustomer(inSegment("MEDIUM")), trigger);
        assertThat(next.path("offerId").asText()).isEqualTo(tenPercent);
        // (1 + 1) / (10 + 1) × 10 = 1.818
        assertThat(next.path("score").asDouble()).isCloseTo(20.0 / 11, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(reasons(next))
                .anySatisfy(reason -> assertThat(reason).contains("propensity 0.182 (1 conversion in 1 message"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Map<String, Object> discount(String id, int percent, double value) {
        Map<String, Object> offer = offer(id, "DISCOUNT", value);
        offer.put("percent", percent);
        return offer;
    }

    /** A trigger without an offer of its own, for this test's big carts only. */
    private static Map<String, Object> trigger(String key, List<String> offers) {
        return triggerOfOffers(key, offers, BIG_CART - 1);
    }

    private String createOffer(Map<String, Object> offer) {
        return create(as(Role.MARKETER), "/api/offers", offer).path("offerId").asText();
    }

    private String createTrigger(Map<String, Object> trigger) {
        return create(as(Role.MARKETER), "/api/triggers", trigger).path("key").asText();
    }

    private void assertBadOffer(Map<String, Object> offer, String field) {
        assertBadRequest(as(Role.MARKETER).postForEntity("/api/offers", offer, JsonNode.class), field);
    }

    /** Codes of an offer issued to a customer by another campaign (e.g. an earlier one). */
    private void issueDirectly(String customerId, String offerId, int count) {
        for (int i = 0; i < count; i++) {
            offerCodes.issue(
                    customerId,
                    null,
                    null,
                    offerId,
                    new io.cxloop.rules.model.Offer(0, java.time.Duration.ofDays(2), true),
                    Instant.now());
        }
    }

    @Autowired
    OfferCodes offerCodes;

    private JsonNode decisionsOf(String customerId) {
        return admin().getForObject("/api/customers/" + customerId + "/decisions", JsonNode.class);
    }

    private Map<String, Object> inSegment(String segment) {
        Map<String, Object> customer = new HashMap<>(germanCustomerWithEmailConsent(mailbox()));
        customer.put("valueSegment", segment);
        return customer;
    }

    private String newCustomer(Map<String, Object> customer) {
        return newCustomer("offers-" + UUID.randomUUID().toString().substring(0, 12), customer);
    }

    private static String mailbox() {
        return "offers-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
