package io.cxloop.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.connectors.receipt.HmacSignature;
import io.cxloop.engine.message.Message;
import io.cxloop.engine.message.MessageStatus;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.engine.support.TestUsers;
import io.cxloop.rules.model.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The outbox as operators and providers see it: failures, operator retry, metrics and delivery receipts. */
class DeliveryIT extends EngineIT {

    static final String RECEIPTS_SECRET = "it-receipts-shared-secret";

    @Autowired
    OutboxRepository outbox;

    @Autowired
    MeterRegistry meters;

    @Autowired
    IdentityService identities;

    // --- failed messages and the operator's retry

    @Test
    void aMessageThatCannotBeSentIsListedAsFailedWithItsErrorAndAnOperatorCanRetryIt() {
        String customerId = newCustomer(customerWithSmsConsent());
        double failedBefore = count("cxloop.messages.failed", "SMS");
        double queuedBefore = count("cxloop.messages.queued", "SMS");

        String messageId = outbox.queue(sms(customerId, "0170 1234567"));

        Message failed = awaitStatus(messageId, MessageStatus.FAILED);
        assertThat(failed.lastError()).contains("E.164");
        JsonNode listed = admin().getForEntity("/api/messages?status=FAILED&limit=1000", JsonNode.class)
                .getBody();
        assertThat(listed.findValuesAsText("messageId")).contains(messageId);
        for (JsonNode message : listed) {
            if (messageId.equals(message.path("messageId").asText())) {
                assertThat(message.path("status").asText()).isEqualTo("FAILED");
                assertThat(message.path("lastError").asText()).contains("not an E.164 phone number");
            }
        }
        assertThat(count("cxloop.messages.failed", "SMS")).isEqualTo(failedBefore + 1);

        ResponseEntity<JsonNode> retried =
                admin().postForEntity("/api/messages/" + messageId + "/retry", null, JsonNode.class);

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().path("status").asText()).isIn("QUEUED", "SENDING", "FAILED");
        // the number is still wrong: the retry is tried once more and fails again, with a fresh count of attempts
        await().atMost(Duration.ofSeconds(10)).until(() -> count("cxloop.messages.failed", "SMS") == failedBefore + 2);
        Message failedAgain = awaitStatus(messageId, MessageStatus.FAILED);
        assertThat(failedAgain.attempts()).isEqualTo(1);
        assertThat(count("cxloop.messages.queued", "SMS")).isEqualTo(queuedBefore + 2);
    }

    @Test
    void onlyFailedMessagesCanBeRetriedAndOnlyByAnAdminOrTheSystem() {
        String customerId = newCustomer(customerWithSmsConsent());
        String messageId = outbox.queue(sms(customerId, "+4917099990001"));
        awaitStatus(messageId, MessageStatus.SENT);

        ResponseEntity<JsonNode> sentAgain =
                admin().postForEntity("/api/messages/" + messageId + "/retry", null, JsonNode.class);
        assertThat(sentAgain.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        userInGroup("deliverymarketer", "MARKETER");
        ResponseEntity<JsonNode> byMarketer = anonymous
                .withBasicAuth("deliverymarketer", "it-Password-1")
                .postForEntity("/api/messages/" + messageId + "/retry", null, JsonNode.class);
        assertThat(byMarketer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin().postForEntity("/api/messages/no-such-message/retry", null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void sentMessagesAreCountedPerChannelWithTheirLatency() {
        String customerId = newCustomer(customerWithSmsConsent());
        double sentBefore = count("cxloop.messages.sent", "SMS");
        long timedBefore = latency("SMS").count();

        String messageId = outbox.queue(sms(customerId, "+4917099990002"));
        awaitStatus(messageId, MessageStatus.SENT);

        await().atMost(Duration.ofSeconds(5)).until(() -> count("cxloop.messages.sent", "SMS") == sentBefore + 1);
        assertThat(latency("SMS").count()).isEqualTo(timedBefore + 1);
        JsonNode metric = admin().getForEntity("/actuator/metrics/cxloop.messages.sent?tag=channel:SMS", JsonNode.class)
                .getBody();
        assertThat(metric.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(admin().getForEntity("/actuator/metrics/cxloop.messages.dispatch.latency", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    // --- SMS delivery receipts

    @Test
    void aSignedDeliveryReceiptMovesTheMessageToDeliveredOnceAndOnlyForward() {
        String customerId = newCustomer(customerWithSmsConsent());
        String messageId = outbox.queue(sms(customerId, "+4917099990003"));
        awaitStatus(messageId, MessageStatus.SENT);

        String delivered = "{\"reference\":\"" + messageId + "\",\"status\":\"delivered\"}";
        ResponseEntity<JsonNode> first = postReceipt("/api/receipts/sms", delivered, sign(delivered));
        ResponseEntity<JsonNode> duplicate = postReceipt("/api/receipts/sms", delivered, sign(delivered));
        String lateSent = "{\"reference\":\"" + messageId + "\",\"status\":\"sent\"}";
        ResponseEntity<JsonNode> late = postReceipt("/api/receipts/sms", lateSent, sign(lateSent));
        String lateFailed = "{\"reference\":\"" + messageId + "\",\"status\":\"undelivered\",\"error\":\"30003\"}";
        ResponseEntity<JsonNode> contradicting = postReceipt("/api/receipts/sms", lateFailed, sign(lateFailed));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().path("result").asText()).isEqualTo("APPLIED");
        assertThat(first.getBody().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(duplicate.getBody().path("result").asText()).isEqualTo("UNCHANGED");
        assertThat(late.getBody().path("result").asText()).isEqualTo("UNCHANGED");
        assertThat(contradicting.getBody().path("result").asText()).isEqualTo("UNCHANGED");
        Message message = outbox.find(messageId).orElseThrow();
        assertThat(message.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(message.deliveredAt()).isNotNull();
    }

    @Test
    void aReceiptByTheProvidersOwnIdThatReportsFailureFailsTheMessage() {
        String customerId = newCustomer(customerWithSmsConsent());
        String messageId = outbox.queue(sms(customerId, "+4917099990004"));
        Message sent = awaitStatus(messageId, MessageStatus.SENT);

        String failed = "{\"id\":\"" + sent.providerMessageId() + "\",\"status\":\"failed\",\"error\":\"30005 unknown"
                + " destination\"}";
        ResponseEntity<JsonNode> receipt = postReceipt("/api/receipts/sms", failed, "sha256=" + sign(failed));

        assertThat(receipt.getBody().path("status").asText()).isEqualTo("FAILED");
        assertThat(outbox.find(messageId).orElseThrow().lastError()).contains("30005 unknown destination");
    }

    @Test
    void unsignedOrWronglySignedReceiptsAreRefusedAndChangeNothing() {
        String customerId = newCustomer(customerWithSmsConsent());
        String messageId = outbox.queue(sms(customerId, "+4917099990005"));
        awaitStatus(messageId, MessageStatus.SENT);
        String delivered = "{\"reference\":\"" + messageId + "\",\"status\":\"delivered\"}";

        ResponseEntity<JsonNode> unsigned = postReceipt("/api/receipts/sms", delivered, null);
        ResponseEntity<JsonNode> forged = postReceipt(
                "/api/receipts/sms", delivered, new HmacSignature("not-the-shared-secret").signHex(delivered));
        ResponseEntity<JsonNode> tampered =
                postReceipt("/api/receipts/sms", delivered.replace("delivered", "failed"), sign(delivered));

        assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unsigned.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(tampered.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(outbox.find(messageId).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void aReceiptWithAnUnknownStatusIsABadRequestNamingTheField() {
        String body = "{\"reference\":\"whatever\",\"status\":\"teleported\"}";

        ResponseEntity<JsonNode> response = postReceipt("/api/receipts/sms", body, sign(body));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().toString()).contains("status");
    }

    // --- fixtures and helpers

    static Map<String, Object> customerWithSmsConsent() {
        return Fixtures.customer(
                "Mia",
                "Wagner",
                "mia-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "de",
                io.cxloop.engine.support.Fixtures.daytimeZone(),
                Map.of("EMAIL", true, "SMS", true, "CALL_QUEUE", true));
    }

    static NewMessage sms(String customerId, String phone) {
        return new NewMessage(
                customerId,
                null,
                null,
                null,
                Channel.SMS,
                "reconnect-offer",
                phone,
                "de",
                null,
                null,
                "Hallo Mia, 15 % auf Ihren Warenkorb mit Code CX-TEST-0001.");
    }

    String newCustomer(Map<String, Object> customer) {
        String customerId = "c-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(customer), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    Message awaitStatus(String messageId, MessageStatus status) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> outbox.find(messageId).map(Message::status).orElse(null) == status);
        return outbox.find(messageId).orElseThrow();
    }

    ResponseEntity<JsonNode> postReceipt(String path, String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("X-Cxloop-Signature", signature);
        }
        return anonymous.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    static String sign(String body) {
        return new HmacSignature(RECEIPTS_SECRET).signHex(body);
    }

    double count(String name, String channel) {
        Counter counter = meters.find(name).tag("channel", channel).counter();
        return counter == null ? 0 : counter.count();
    }

    Timer latency(String channel) {
        Timer timer = meters.find("cxloop.messages.dispatch.latency")
                .tag("channel", channel)
                .timer();
        return timer != null
                ? timer
                : Timer.builder("cxloop.messages.dispatch.latency")
                        .tag("channel", channel)
                        .publishPercentileHistogram()
                        .register(meters);
    }

    void userInGroup(String userId, String group) {
        TestUsers.ensure(identities, userId, "it-Password-1", group);
    }
}
