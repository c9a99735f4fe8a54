package io.cxloop.engine.delivery;

import static io.cxloop.engine.delivery.DeliveryIT.sign;
import static io.cxloop.engine.support.Fixtures.cartAbandoned;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.message.Message;
import io.cxloop.engine.message.MessageStatus;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.ProcessDriver;
import io.cxloop.rules.model.Channel;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** One-click unsubscribe (RFC 8058) and bounces: what a customer or a mail provider says stops further mail. */
class OptOutIT extends EngineIT {

    private static final Pattern HTTPS_LINK = Pattern.compile("<(https://[^>]+)>");

    @Autowired
    OutboxRepository outbox;

    @Autowired
    ManagementService management;

    @Test
    void marketingMailCarriesOneClickUnsubscribeAndPostingItStopsFurtherMarketing() throws Exception {
        String email = mailbox();
        String customerId = newCustomer(germanCustomerWithEmailConsent(email));
        String offerId = outbox.queue(offerEmail(customerId, email));

        MimeMessage received = awaitEmail(offerId);
        String listUnsubscribe = received.getHeader("List-Unsubscribe", null);
        assertThat(listUnsubscribe).startsWith("<mailto:unsubscribe@shop.example?subject=unsubscribe%20");
        assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        Matcher link = HTTPS_LINK.matcher(listUnsubscribe);
        assertThat(link.find()).isTrue();
        URI unsubscribe = URI.create(link.group(1));
        assertThat(unsubscribe.getHost()).isEqualTo("cx.shop.example");
        assertThat(unsubscribe.getPath()).startsWith("/u/");

        // a mail client's one-click POST, without any login (RFC 8058 section 3.2)
        ResponseEntity<String> confirmed = oneClick(unsubscribe.getPath());

        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody()).contains("abgemeldet");
        JsonNode customer = admin().getForEntity("/api/customers/" + customerId, JsonNode.class)
                .getBody();
        assertThat(customer.path("consents").path("EMAIL").asBoolean()).isFalse();
        // the next marketing message, queued before the customer's choice reached the decision, is stopped
        String nextOffer = outbox.queue(offerEmail(customerId, email));
        Message suppressed = awaitStatus(nextOffer, MessageStatus.SUPPRESSED);
        assertThat(suppressed.statusReason()).contains("EMAIL");
        assertThat(SMTP.getReceivedMessagesForDomain(email)).hasSize(1);
        // and clicking again is harmless
        assertThat(oneClick(unsubscribe.getPath()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theNextDecisionSeesTheOptOutAndContactsNobody() throws Exception {
        String email = mailbox();
        String customerId = newCustomer(germanCustomerWithEmailConsent(email));
        String offerId = outbox.queue(offerEmail(customerId, email));
        URI unsubscribe = unsubscribeLink(awaitEmail(offerId));
        oneClick(unsubscribe.getPath());

        JsonNode receipt = admin().postForEntity("/api/events", cartAbandoned(customerId), JsonNode.class)
                .getBody();
        String processInstanceId = receipt.path("campaignsStarted")
                .get(0)
                .path("processInstanceId")
                .asText();
        new ProcessDriver(management).fireTimer(processInstanceId, "Event_DelayElapsed");

        JsonNode decision = admin().getForEntity("/api/customers/" + customerId + "/decisions", JsonNode.class)
                .getBody()
                .get(0);
        assertThat(decision.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(SMTP.getReceivedMessagesForDomain(email)).hasSize(1);
    }

    @Test
    void theConfirmationPageDoesNotUnsubscribeAndAForgedTokenDoesNothing() throws Exception {
        String email = mailbox();
        String customerId = newCustomer(germanCustomerWithEmailConsent(email));
        String offerId = outbox.queue(offerEmail(customerId, email));
        String path = unsubscribeLink(awaitEmail(offerId)).getPath();

        ResponseEntity<String> page = anonymous.getForEntity(path, String.class);
        String forgedPath = path.substring(0, path.length() - 4) + (path.endsWith("AAAA") ? "BBBB" : "AAAA");
        ResponseEntity<String> forged = oneClick(forgedPath);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<form method=\"post\"");
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().getForEntity("/api/customers/" + customerId, JsonNode.class)
                        .getBody()
                        .path("consents")
                        .path("EMAIL")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aHardBounceFailsTheMessageAndLaterMailToTheAddressIsSuppressed() throws Exception {
        String email = mailbox();
        String customerId = newCustomer(germanCustomerWithEmailConsent(email));
        String offerId = outbox.queue(offerEmail(customerId, email));
        awaitEmail(offerId);
        awaitStatus(offerId, MessageStatus.SENT);

        String bounce = "{\"recipient\":\"" + email.toUpperCase() + "\",\"type\":\"hard\",\"messageId\":\"<" + offerId
                + "@cxloop>\",\"detail\":\"550 5.1.1 user unknown\"}";
        ResponseEntity<JsonNode> reported = signed("/api/receipts/email", bounce);

        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reported.getBody().path("suppressed").asBoolean()).isTrue();
        Message bounced = outbox.find(offerId).orElseThrow();
        assertThat(bounced.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(bounced.lastError()).contains("bounced").contains("550 5.1.1");
        String later = outbox.queue(offerEmail(customerId, email));
        assertThat(awaitStatus(later, MessageStatus.SUPPRESSED).statusReason()).contains("bounced");
        assertThat(SMTP.getReceivedMessagesForDomain(email)).hasSize(1);
    }

    @Test
    void aSoftBounceKeepsTheAddressAndAnUnsignedBounceIsRefused() throws Exception {
        String email = mailbox();
        String customerId = newCustomer(germanCustomerWithEmailConsent(email));
        String soft = "{\"recipient\":\"" + email + "\",\"type\":\"soft\",\"detail\":\"452 mailbox full\"}";
        String hard = "{\"recipient\":\"" + email + "\",\"type\":\"hard\"}";

        ResponseEntity<JsonNode> softReport = signed("/api/receipts/email", soft);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> unsigned =
                anonymous.postForEntity("/api/receipts/email", new HttpEntity<>(hard, headers), JsonNode.class);

        assertThat(softReport.getBody().path("suppressed").asBoolean()).isFalse();
        assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        String offerId = outbox.queue(offerEmail(customerId, email));
        awaitEmail(offerId);
    }

    // --- helpers

    static String mailbox() {
        return "optout-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static NewMessage offerEmail(String customerId, String email) {
        return new NewMessage(
                customerId,
                null,
                null,
                null,
                Channel.EMAIL,
                "reconnect-offer",
                email,
                "de",
                "15 % Rabatt auf Ihren Warenkorb",
                "<html><body><p>Hallo Lena, 15 % mit Code CX-TEST-0002.</p></body></html>",
                "Hallo Lena, 15 % mit Code CX-TEST-0002.");
    }

    String newCustomer(Map<String, Object> customer) {
        String customerId = "c-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(customer), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    ResponseEntity<String> oneClick(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return anonymous.postForEntity(path, new HttpEntity<>("List-Unsubscribe=One-Click", headers), String.class);
    }

    ResponseEntity<JsonNode> signed(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Cxloop-Signature", sign(body));
        return anonymous.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    static URI unsubscribeLink(MimeMessage email) throws Exception {
        Matcher link = HTTPS_LINK.matcher(email.getHeader("List-Unsubscribe", null));
        assertThat(link.find()).isTrue();
        return URI.create(link.group(1));
    }

    Message awaitStatus(String messageId, MessageStatus status) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> outbox.find(messageId).map(Message::status).orElse(null) == status);
        return outbox.find(messageId).orElseThrow();
    }

    static MimeMessage awaitEmail(String outboxId) {
        String messageId = "<" + outboxId + "@cxloop>";
        await().atMost(Duration.ofSeconds(15)).until(() -> withMessageId(messageId) != null);
        return withMessageId(messageId);
    }

    private static MimeMessage withMessageId(String messageId) {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            try {
                if (messageId.equals(message.getMessageID())) {
                    return message;
                }
            } catch (Exception e) {
                // not readable: not ours
            }
        }
        return null;
    }
}
