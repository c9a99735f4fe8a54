package io.cxloop.engine.decision;

import static io.cxloop.engine.persistence.JdbcTime.utc;
import static io.cxloop.engine.support.Fixtures.cartAbandoned;
import static io.cxloop.engine.support.Fixtures.cartAbandonedTrigger;
import static io.cxloop.engine.support.Fixtures.customer;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.ProcessDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contact policy through the decision API and the reconnect process: caps count every process's messages, service
 * messages are not capped, quiet hours postpone a message to their end in the customer's time zone.
 */
class ContactPolicyIT extends EngineIT {

    /** A weekly-capped trigger that re-enters after a day; its cart minimum keeps it out of other tests' events. */
    private static final String DAILY_TRIGGER = "policy-daily-reconnect";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagementService management;

    @Test
    void twoMarketingMessagesFromOtherProcessesThisWeekMeanNoThirdOne() {
        dailyTrigger();
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        messageInOutbox(customerId, Duration.ofDays(2), true);
        messageInOutbox(customerId, Duration.ofDays(4), true);

        JsonNode decision = decide(customerId, DAILY_TRIGGER);

        assertThat(decision.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(decision.path("explanation")).anySatisfy(explanation -> {
            assertThat(explanation.path("rule").asText())
                    .isEqualTo("Marketing stays within the cap across all channels");
            assertThat(explanation.path("reason").asText())
                    .isEqualTo("No marketing message: the customer got 2 marketing message(s) within 7 days across"
                            + " all channels; the cap is 2");
        });
    }

    @Test
    void serviceMessagesDoNotCountAgainstTheMarketingCap() {
        dailyTrigger();
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        messageInOutbox(customerId, Duration.ofDays(2), true);
        messageInOutbox(customerId, Duration.ofDays(3), false);
        messageInOutbox(customerId, Duration.ofDays(4), false);

        JsonNode decision = decide(customerId, DAILY_TRIGGER);

        assertThat(decision.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(decision.path("channel").asText()).isEqualTo("EMAIL");
    }

    @Test
    void inTheCustomersQuietHoursTheDecisionSaysWhenTheMessageMayLeave() {
        ZoneId zone = zoneWhereItIsNow(23);
        String customerId = newCustomer(customerIn(zone));

        JsonNode decision = decide(customerId, "cart-abandoned");

        assertThat(decision.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(Instant.parse(decision.path("notBefore").asText())).isEqualTo(nextEightOClock(zone));
        assertThat(decision.path("explanation").toString())
                .contains("postponed until 08:00 (" + zone.getId() + "): quiet hours from 21:00 to 08:00");
    }

    @Test
    void theReconnectProcessQueuesItsMessageForTheEndOfTheQuietHoursAndTheOfferCountsFromThen() {
        ZoneId zone = zoneWhereItIsNow(2);
        String customerId = newCustomer(customerIn(zone));
        ProcessDriver processes = new ProcessDriver(management);

        String processInstanceId = startedProcess(customerId);
        processes.fireTimer(processInstanceId, "Event_DelayElapsed");

        Instant eight = nextEightOClock(zone);
        Map<String, Object> message = jdbc.sql(
                        "select status, next_attempt_at, claimed_at, offer_code from outbox_message where customer_id = ?")
                .param(customerId)
                .query()
                .singleRow();
        assertThat(message.get("status")).isEqualTo("QUEUED");
        assertThat(asInstant(message.get("next_attempt_at"))).isEqualTo(eight);
        // queued to wait, not queued due and held back by the dispatcher's check of the quiet hours
        assertThat(message.get("claimed_at")).as("claimed by a dispatcher").isNull();
        Object expiresAt = jdbc.sql("select expires_at from offer_code where code = ?")
                .param(message.get("offer_code"))
                .query()
                .singleValue();
        assertThat(asInstant(expiresAt)).isEqualTo(eight.plus(Duration.ofHours(24)));
    }

    @Test
    void badInputIsAnsweredWith400NamingTheField() {
        ResponseEntity<JsonNode> unknownCustomer = admin().postForEntity(
                        "/api/decisions/next-best-action",
                        Map.of(
                                "customerId",
                                "nobody-" + UUID.randomUUID(),
                                "context",
                                Map.of("trigger", "cart-abandoned")),
                        JsonNode.class);
        assertThat(unknownCustomer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownCustomer.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("customerId");

        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        ResponseEntity<JsonNode> unknownTrigger = admin().postForEntity(
                        "/api/decisions/next-best-action",
                        Map.of("customerId", customerId, "context", Map.of("trigger", "no-such-trigger")),
                        JsonNode.class);
        assertThat(unknownTrigger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownTrigger.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("context.trigger");

        ResponseEntity<JsonNode> noContext = admin().postForEntity(
                        "/api/decisions/next-best-action", Map.of("customerId", customerId), JsonNode.class);
        assertThat(noContext.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noContext.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("context");
    }

    /** A fixed-offset zone in which the local time is now {@code hour} o'clock (give or take the current minutes). */
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

    private static Instant asInstant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new AssertionError("not a timestamp: " + value);
    }

    private static Map<String, Object> customerIn(ZoneId zone) {
        return customer("Nora", "Night", mailbox(), "en", zone.getId(), Map.of("EMAIL", true));
    }

    private void dailyTrigger() {
        Map<String, Object> trigger = new HashMap<>(cartAbandonedTrigger(DAILY_TRIGGER, 10));
        trigger.put("reEntry", "P1D");
        trigger.put("channels", java.util.List.of("EMAIL"));
        trigger.put("condition", Map.of("minCartValue", 1_000_000));
        if (admin().getForEntity("/api/triggers/" + DAILY_TRIGGER, JsonNode.class)
                        .getStatusCode()
                == HttpStatus.NOT_FOUND) {
            ResponseEntity<JsonNode> created = admin().postForEntity("/api/triggers", trigger, JsonNode.class);
            assertThat(created.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
        }
    }

    /** A message another process queued or sent: marketing, or service (e.g. a feedback follow-up). */
    private void messageInOutbox(String customerId, Duration ago, boolean marketing) {
        OffsetDateTime at = utc(Instant.now().minus(ago));
        jdbc.sql(
                        """
                insert into outbox_message (message_id, customer_id, channel, template, recipient, language,
                    text_body, status, next_attempt_at, created_at, updated_at, marketing)
                values (?, ?, 'EMAIL', 'other-process', 'someone@example.com', 'de', 'Hallo', 'SENT', ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), customerId, at, at, at, marketing)
                .update();
    }

    private String startedProcess(String customerId) {
        ResponseEntity<JsonNode> response =
                admin().postForEntity("/api/events", cartAbandoned(customerId), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        for (JsonNode campaign : response.getBody().path("campaignsStarted")) {
            if ("cart-abandoned".equals(campaign.path("triggerKey").asText())) {
                return campaign.path("processInstanceId").asText();
            }
        }
        throw new AssertionError("no cart-abandoned campaign started: " + response.getBody());
    }

    private static String mailbox() {
        return "policy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String newCustomer(Map<String, Object> customer) {
        String customerId = "policy-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(customer), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }
}
