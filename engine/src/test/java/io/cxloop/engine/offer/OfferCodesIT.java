package io.cxloop.engine.offer;

import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static io.cxloop.engine.support.Fixtures.offer;
import static io.cxloop.engine.support.Fixtures.triggerOfOffers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.ProcessDriver;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.model.ValueSegment;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Codes only where a code means something: a content offer goes out without one (and its message promises nothing to
 * redeem), yet counts against its cap; free shipping comes with a code and a message about free delivery, not "0 %".
 */
class OfferCodesIT extends EngineIT {

    /** Above every other test's minimum cart value, so only this test's trigger and broader ones match. */
    private static final double CART = 23_456_789;

    private static final Offer TEN_PERCENT = new Offer(10, Duration.ofHours(24), false);

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerRepository customers;

    @Autowired
    PlatformTransactionManager transactions;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCodeThatIsTakenIsNeverIssuedTwiceAndTheTransactionGoesOn() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String customerId = aCustomerWithoutCodes("codes-" + run, now);
        String taken = "CX-" + run.substring(0, 4).toUpperCase() + "-TAKN";
        String free = "CX-" + run.substring(4, 8).toUpperCase() + "-FREE";
        Deque<String> drawn = new ArrayDeque<>(List.of(taken, taken, free, "CX-NEVR-DRWN"));
        OfferCodes codes = codesDrawing(drawn::pop);

        IssuedOfferCode first = codes.issue(customerId, null, null, null, TEN_PERCENT, now);
        // in one transaction, as in a campaign's job: a taken code must not spoil what follows (PostgreSQL)
        IssuedOfferCode second = new TransactionTemplate(transactions).execute(status -> {
            IssuedOfferCode issued = codes.issue(customerId, null, null, null, TEN_PERCENT, now);
            assertThat(jdbc.sql("select count(*) from offer_code where customer_id = ?")
                            .param(customerId)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
            return issued;
        });

        assertThat(first.code()).isEqualTo(taken);
        assertThat(second.code()).as("the taken code is skipped").isEqualTo(free);
        assertThat(second.expiresAt()).isEqualTo(now.plus(Duration.ofHours(24)));
        assertThat(drawn).containsExactly("CX-NEVR-DRWN");
        assertThat(jdbc.sql("select customer_id from offer_code where code = ?")
                        .param(taken)
                        .query(String.class)
                        .single())
                .isEqualTo(customerId);
    }

    @Test
    void noCodeIsIssuedWhenEveryCodeDrawnIsTaken() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String customerId = aCustomerWithoutCodes("codes-taken-" + run, now);
        String taken = "CX-" + run.substring(0, 4).toUpperCase() + "-ONCE";
        OfferCodes codes = codesDrawing(() -> taken);
        codes.issue(customerId, null, null, null, TEN_PERCENT, now);

        assertThatIllegalStateException()
                .isThrownBy(() -> codes.issue(customerId, null, null, null, TEN_PERCENT, now))
                .withMessageContaining("free offer code");
        assertThat(jdbc.sql("select count(*) from offer_code where customer_id = ?")
                        .param(customerId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onlyOffersWithSomethingToRedeemGetACodeAndTheMessageSaysWhatTheCustomerGets() {
        Map<String, Object> guide = offer("codes-guide-" + run, "CONTENT", 50);
        guide.put("capPerCustomer", 1);
        String content = create(guide);
        String shipping = create(offer("codes-shipping-" + run, "FREE_SHIPPING", 9));
        Map<String, Object> trigger = triggerOfOffers("codes-" + run, List.of(content, shipping), CART - 1);
        trigger.put("reEntry", "PT0S");
        create(admin(), "/api/triggers", trigger);
        String customerId =
                newCustomer("codes-" + run, germanCustomerWithEmailConsent("codes-" + run + "@example.com"));
        ProcessDriver processes = new ProcessDriver(management);

        processes.fireTimer(cartAbandonedCampaign(customerId, CART, "codes-" + run), "Event_DelayElapsed");
        JsonNode first = messages(customerId);
        assertThat(first).hasSize(1);
        JsonNode withoutCode = first.get(0);
        assertThat(admin().getForObject(
                                "/api/decisions/"
                                        + withoutCode.path("decisionId").asText(),
                                JsonNode.class)
                        .path("offerId")
                        .asText())
                .isEqualTo(content);
        assertThat(withoutCode.path("offerCode").isNull()
                        || withoutCode.path("offerCode").isMissingNode())
                .isTrue();
        assertThat(withoutCode.path("subject").asText()).isEqualTo("Ihr Warenkorb wartet auf Sie");
        assertThat(withoutCode.path("body").asText()
                        + withoutCode.path("htmlBody").asText())
                .contains("Guten Tag Lena Schmidt")
                .doesNotContain("Code", "Rabatt", "null");

        // the content offer went out once without a code: its cap of 1 counts it, so free shipping is next
        processes.fireTimer(cartAbandonedCampaign(customerId, CART, "codes-" + run), "Event_DelayElapsed");
        JsonNode withCode = messages(customerId).get(0);
        assertThat(withCode.path("messageId").asText())
                .isNotEqualTo(withoutCode.path("messageId").asText());
        JsonNode decision = admin().getForObject(
                        "/api/decisions/" + withCode.path("decisionId").asText(), JsonNode.class);
        assertThat(decision.path("offerId").asText()).isEqualTo(shipping);
        assertThat(decision.path("explanations").toString())
                .contains("offer " + content + " (Offer " + content + ") rejected: the customer got it 1 time(s)");
        assertThat(withCode.path("offerCode").asText()).matches("CX-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(withCode.path("subject").asText())
                .isEqualTo("Kostenlose Expresslieferung für Ihren Warenkorb – nur 48 Stunden");
        assertThat(withCode.path("body").asText())
                .contains("liefern wir Ihre Bestellung kostenlos per Expresslieferung")
                .contains("Ihr Code: " + withCode.path("offerCode").asText())
                .doesNotContain("Rabatt", "0 %");
    }

    @Test
    void onlyADiscountOrFreeShippingShipsFree() {
        Map<String, Object> content = offer("codes-bad-" + run, "CONTENT", 5);
        content.put("freeExpressShipping", true);
        assertBadRequest(admin().postForEntity("/api/offers", content, JsonNode.class), "freeExpressShipping");
    }

    /** A customer saved just now, who holds no offer code yet. */
    private String aCustomerWithoutCodes(String customerId, Instant now) {
        customers.save(new Customer(
                customerId,
                "Anna",
                "Schmidt",
                customerId + "@example.com",
                null,
                "de",
                "Europe/Berlin",
                Map.of(Channel.EMAIL, true),
                ValueSegment.MEDIUM,
                now,
                now));
        return customerId;
    }

    /** Offer codes that draw their codes from {@code draw} instead of at random, so that a test can draw a taken one. */
    private OfferCodes codesDrawing(Supplier<String> draw) {
        return new OfferCodes(jdbc) {
            @Override
            String newCode() {
                return draw.get();
            }
        };
    }

    private String create(Map<String, Object> offer) {
        return create(admin(), "/api/offers", offer).path("offerId").asText();
    }

    /** The customer's messages, newest first. */
    private JsonNode messages(String customerId) {
        return admin().getForObject("/api/messages?customerId=" + customerId, JsonNode.class);
    }
}
