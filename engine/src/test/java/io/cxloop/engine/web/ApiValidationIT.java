package io.cxloop.engine.web;

import static io.cxloop.engine.support.Fixtures.cartAbandoned;
import static io.cxloop.engine.support.Fixtures.cartAbandonedTrigger;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.support.EngineIT;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Bad input gets a 400 problem+json that names the field, never a 500; anonymous callers get a 401. */
class ApiValidationIT extends EngineIT {

    String customerId;

    @BeforeEach
    void aKnownCustomer() {
        customerId = "v-" + UUID.randomUUID().toString().substring(0, 12);
        admin().put("/api/customers/" + customerId, germanCustomerWithEmailConsent(customerId + "@example.com"));
    }

    @Test
    void eventForAnUnknownCustomer() {
        assertBadRequestNaming(post("/api/events", cartAbandoned("nobody-" + UUID.randomUUID())), "customerId");
    }

    @Test
    void eventOfAnUnknownType() {
        Map<String, Object> event = new HashMap<>(cartAbandoned(customerId));
        event.put("type", "CART_EXPLODED");
        assertBadRequestNaming(post("/api/events", event), "type");
    }

    @Test
    void eventWithoutAnId() {
        Map<String, Object> event = new HashMap<>(cartAbandoned(customerId));
        event.remove("eventId");
        assertBadRequestNaming(post("/api/events", event), "eventId");
    }

    @Test
    void eventWithANegativeCartValue() {
        Map<String, Object> event = new HashMap<>(cartAbandoned(customerId));
        event.put("attributes", Map.of("cartValue", -1, "currency", "EUR"));
        assertBadRequestNaming(post("/api/events", event), "attributes.cartValue");
    }

    @Test
    void eventWithAMalformedTimestamp() {
        Map<String, Object> event = new HashMap<>(cartAbandoned(customerId));
        event.put("occurredAt", "yesterday");
        assertBadRequestNaming(post("/api/events", event), "occurredAt");
    }

    @Test
    void malformedJson() {
        assertBadRequestNaming(post("/api/events", "{\"eventId\": \"x\", "), "body");
    }

    @Test
    void customerWithAnUnsupportedLanguageAndTimeZone() {
        Map<String, Object> customer = new HashMap<>(germanCustomerWithEmailConsent("x@example.com"));
        customer.put("language", "fr");
        customer.put("timezone", "Mars/Olympus");
        ResponseEntity<JsonNode> response =
                admin().exchange("/api/customers/" + customerId, HttpMethod.PUT, json(customer), JsonNode.class);
        assertBadRequestNaming(response, "language");
        assertBadRequestNaming(response, "timezone");
    }

    @Test
    void customerWithAnUnknownConsentChannel() {
        Map<String, Object> customer = new HashMap<>(germanCustomerWithEmailConsent("x@example.com"));
        customer.put("consents", Map.of("PIGEON", true));
        assertBadRequestNaming(
                admin().exchange("/api/customers/" + customerId, HttpMethod.PUT, json(customer), JsonNode.class),
                "consents");
    }

    @Test
    void triggerWithABadDuration() {
        Map<String, Object> trigger = new HashMap<>(cartAbandonedTrigger("bad-delay", 10));
        trigger.put("delay", "tomorrow");
        assertBadRequestNaming(post("/api/triggers", trigger), "delay");
    }

    @Test
    void triggerWithANegativeDelay() {
        Map<String, Object> trigger = new HashMap<>(cartAbandonedTrigger("negative-delay", 10));
        trigger.put("delay", "-PT1H");
        assertBadRequestNaming(post("/api/triggers", trigger), "delay");
    }

    @Test
    void triggerForAnUnknownEventType() {
        Map<String, Object> trigger = new HashMap<>(cartAbandonedTrigger("bad-event", 10));
        trigger.put("eventType", "CART_LOST");
        assertBadRequestNaming(post("/api/triggers", trigger), "eventType");
    }

    @Test
    void triggerWithAnUnknownTemplate() {
        Map<String, Object> trigger = new HashMap<>(cartAbandonedTrigger("bad-template", 10));
        trigger.put("template", "no-such-template");
        assertBadRequestNaming(post("/api/triggers", trigger), "template");
    }

    @Test
    void anonymousCallersAreRejected() {
        ResponseEntity<JsonNode> response =
                anonymous.postForEntity("/api/events", cartAbandoned(customerId), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/api/messages", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/api/triggers", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return admin().exchange(path, HttpMethod.POST, json(body), JsonNode.class);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static void assertBadRequestNaming(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("errors").findValuesAsText("field")).contains(field);
    }
}
