package io.cxloop.engine.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.engine.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marketers set after which events customers are invited to a survey, and how long after, at runtime like reconnect
 * triggers: the next event follows the new setting, without a restart.
 */
class InvitationSettingsIT extends EngineIT {

    private static final String MARKETER = "mara-surveys";
    private static final String PASSWORD = "marketer-test-password";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identities;

    @BeforeEach
    void marketer() {
        TestUsers.ensure(identities, MARKETER, PASSWORD, "MARKETER");
    }

    @AfterEach
    void backToTheConfiguration() {
        for (String event : new String[] {"DELIVERED", "PURCHASE_COMPLETED"}) {
            marketerApi().delete("/api/surveys/invitations/" + event);
        }
    }

    @Test
    void theApplicationsConfigurationIsShownUntilAMarketerChangesIt() {
        JsonNode settings = marketerApi().getForObject("/api/surveys/invitations", JsonNode.class);

        assertThat(settings.findValuesAsText("event"))
                .containsExactlyInAnyOrder("PURCHASE_COMPLETED", "DELIVERED", "SERVICE_CONTACT");
        JsonNode delivered = setting(settings, "DELIVERED");
        assertThat(delivered.path("active").asBoolean()).isTrue();
        assertThat(delivered.path("delay").asText()).isEqualTo("PT48H");
        assertThat(delivered.path("source").asText()).isEqualTo("configured");
        assertThat(anonymous
                        .getForEntity("/api/surveys/invitations", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theNextEventFollowsTheMarketersSetting() {
        JsonNode off =
                change("DELIVERED", Map.of("active", false, "delay", "P2D")).getBody();
        assertThat(off.path("source").asText()).isEqualTo("changed");
        assertThat(off.path("updatedBy").asText()).isEqualTo(MARKETER);
        change("PURCHASE_COMPLETED", Map.of("active", true, "delay", "PT3H"));
        String customerId = "settings-" + UUID.randomUUID();
        putCustomer(customerId);

        post(Fixtures.event(customerId, "DELIVERED"));
        post(Fixtures.event(customerId, "PURCHASE_COMPLETED"));

        assertThat(jdbc.sql("select count(*) from outbox_message where customer_id = ? and template = ?")
                        .params(customerId, "survey-invitation")
                        .query(Integer.class)
                        .single())
                .as("one invitation: after the purchase, none after the delivery")
                .isEqualTo(1);
        Instant leavesAt = jdbc.sql("select next_attempt_at from outbox_message where customer_id = ? and template = ?")
                .params(customerId, "survey-invitation")
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        assertThat(leavesAt)
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(170)),
                        Instant.now().plus(Duration.ofMinutes(181)));
    }

    @Test
    void badSettingsAreRejectedNamingTheField() {
        assertRejected("DELIVERED", Map.of("active", true, "delay", "two days"), "delay");
        assertRejected("DELIVERED", Map.of("active", true, "delay", "-P1D"), "delay");
        assertRejected("DELIVERED", Map.of("delay", "P1D"), "active");
        assertRejected("CART_ABANDONED", Map.of("active", true, "delay", "P1D"), "event");
    }

    private void assertRejected(String event, Map<String, Object> body, String field) {
        ResponseEntity<JsonNode> response = change(event, body);
        assertThat(response.getStatusCode()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly(field);
    }

    private ResponseEntity<JsonNode> change(String event, Map<String, Object> body) {
        return marketerApi()
                .exchange("/api/surveys/invitations/" + event, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private void post(Map<String, Object> event) {
        assertThat(admin().postForEntity("/api/events", event, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
    }

    private void putCustomer(String customerId) {
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId,
                        HttpMethod.PUT,
                        new HttpEntity<>(Fixtures.customer(
                                "Lena",
                                "Schmidt",
                                customerId + "@example.org",
                                "de",
                                Fixtures.daytimeZone(),
                                Map.of("EMAIL", true, "SMS", false))),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private TestRestTemplate marketerApi() {
        return anonymous.withBasicAuth(MARKETER, PASSWORD);
    }

    private static JsonNode setting(JsonNode settings, String event) {
        for (JsonNode setting : settings) {
            if (event.equals(setting.path("event").asText())) {
                return setting;
            }
        }
        throw new AssertionError("no setting for " + event + " in " + settings);
    }
}
