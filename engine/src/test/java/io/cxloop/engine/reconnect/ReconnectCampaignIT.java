package io.cxloop.engine.reconnect;

import static io.cxloop.engine.support.Fixtures.cartAbandoned;
import static io.cxloop.engine.support.Fixtures.cartAbandonedTrigger;
import static io.cxloop.engine.support.Fixtures.customerWithoutConsent;
import static io.cxloop.engine.support.Fixtures.englishCustomerWithEmailConsent;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static io.cxloop.engine.support.Fixtures.purchaseCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.support.Emails;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.ProcessDriver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The cart-abandonment reconnect campaign of seed 001, end to end through the REST API. */
class ReconnectCampaignIT extends EngineIT {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    ProcessDriver processes;

    @BeforeEach
    void driver() {
        processes = new ProcessDriver(management);
    }

    @Test
    void germanCustomerWhoAbandonsTheCartGetsAGermanOfferEmailTheNextDay() throws Exception {
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));

        JsonNode receipt = postEvent(cartAbandoned(customerId));
        assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.path("campaignsStarted")).hasSize(1);
        JsonNode campaign = receipt.path("campaignsStarted").get(0);
        assertThat(campaign.path("triggerKey").asText()).isEqualTo("cart-abandoned");
        String processInstanceId = campaign.path("processInstanceId").asText();

        processes.fireTimer(processInstanceId, "Event_DelayElapsed");

        MimeMessage email = awaitEmailTo(customerEmail(customerId));
        String body = Emails.text(email);
        JsonNode message = messagesOf(customerId).get(0);
        String offerCode = message.path("offerCode").asText();
        assertThat(offerCode).matches("CX-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(email.getSubject()).contains("15").contains("Rabatt");
        assertThat(body).contains(offerCode).contains("15").contains("Lena").contains("Express");
        assertThat(email.getHeader("Message-ID")[0])
                .contains(message.path("messageId").asText());

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT"
                .equals(messagesOf(customerId).get(0).path("status").asText()));
        assertThat(message.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(message.path("body").asText()).contains(offerCode);

        JsonNode decision = decisionsOf(customerId).get(0);
        assertThat(decision.path("decisionId").asText())
                .isEqualTo(message.path("decisionId").asText());
        assertThat(decision.path("action").asText()).isEqualTo("RECONNECT_OFFER");
        assertThat(decision.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(decision.path("offer").path("percent").asInt()).isEqualTo(15);
        assertThat(decision.path("ruleSetVersion").asText()).isNotBlank();
        assertThat(decision.path("explanations")).isNotEmpty();

        // the customer buys with the code: the campaign ends as converted after contact
        postEvent(purchaseCompleted(customerId));
        processes.runAsyncJobs(processInstanceId);
        assertThat(campaignOf(customerId).path("outcome").asText()).isEqualTo("CONVERTED_AFTER_CONTACT");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isZero();
    }

    @Test
    void theUnsubscribeLinkInTheOfferEmailLeadsToAPageWhoseButtonUnsubscribes() throws Exception {
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        String processInstanceId = startedProcess(postEvent(cartAbandoned(customerId)));
        processes.fireTimer(processInstanceId, "Event_DelayElapsed");

        MimeMessage email = awaitEmailTo(customerEmail(customerId));
        Matcher link = Pattern.compile("Hier abmelden: https://cx\\.shop\\.example(/u/\\S+)")
                .matcher(Emails.text(email));
        assertThat(link.find()).as("unsubscribe link in the body").isTrue();
        String path = link.group(1);
        assertThat(email.getHeader("List-Unsubscribe", null)).contains("https://cx.shop.example" + path);

        // following the link only shows a page: link scanners must not unsubscribe anybody
        ResponseEntity<String> page = anonymous.getForEntity(path, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<form method=\"post\" action=\"" + path + "\"");
        assertThat(consentsOf(customerId).path("EMAIL").asBoolean()).isTrue();

        // the page's button posts the form, without login
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> done = anonymous.postForEntity(path, new HttpEntity<>("", form), String.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).contains("abgemeldet");
        assertThat(consentsOf(customerId).path("EMAIL").asBoolean()).isFalse();
    }

    @Test
    void englishCustomerGetsTheOfferInEnglish() throws Exception {
        Map<String, Object> john = englishCustomerWithEmailConsent(mailbox());
        String customerId = newCustomer(john);
        String processInstanceId = startedProcess(postEvent(cartAbandoned(customerId)));

        processes.fireTimer(processInstanceId, "Event_DelayElapsed");

        MimeMessage email = awaitEmailTo(customerEmail(customerId));
        assertThat(email.getSubject()).contains("15").containsIgnoringCase("off");
        assertThat(Emails.text(email)).contains("John").contains("(" + john.get("timezone") + ")");
    }

    @Test
    void purchaseBeforeTheDelayEndsTheCampaignWithoutAnyMessage() {
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        String processInstanceId = startedProcess(postEvent(cartAbandoned(customerId)));

        JsonNode receipt = postEvent(purchaseCompleted(customerId));
        processes.runAsyncJobs(processInstanceId);

        assertThat(receipt.path("campaignsReachedGoal").asInt()).isEqualTo(1);
        assertThat(campaignOf(customerId).path("outcome").asText()).isEqualTo("CONVERTED_BEFORE_CONTACT");
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isZero();
        assertThat(messagesOf(customerId)).isEmpty();
        assertThat(decisionsOf(customerId)).isEmpty();
        assertThat(SMTP.getReceivedMessagesForDomain(customerEmail(customerId))).isEmpty();
    }

    @Test
    void customerWithoutConsentGetsNoMessageAndTheDecisionSaysWhy() {
        String customerId = newCustomer(customerWithoutConsent(mailbox()));
        String processInstanceId = startedProcess(postEvent(cartAbandoned(customerId)));

        processes.fireTimer(processInstanceId, "Event_DelayElapsed");

        JsonNode decision = decisionsOf(customerId).get(0);
        assertThat(decision.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(decision.path("explanations").toString()).containsIgnoringCase("consent");
        assertThat(messagesOf(customerId)).isEmpty();
        assertThat(campaignOf(customerId).path("outcome").asText()).isEqualTo("NO_ACTION");
    }

    @Test
    void theSameEventTwiceStartsOneCampaign() {
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        Map<String, Object> event = cartAbandoned(customerId);

        JsonNode first = postEvent(event);
        JsonNode second = postEvent(event);

        assertThat(first.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(second.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(customerId + ":cart-abandoned")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSecondAbandonedCartWithinTheReEntryWindowStartsNoSecondCampaign() {
        String customerId = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        postEvent(cartAbandoned(customerId));

        JsonNode second = postEvent(cartAbandoned(customerId));

        assertThat(second.path("campaignsStarted")).isEmpty();
        assertThat(second.path("triggersSkipped").get(0).path("triggerKey").asText())
                .isEqualTo("cart-abandoned");
    }

    @Test
    void aChangedTriggerAppliesToNewEventsWhileRunningCampaignsKeepTheirVersion() throws Exception {
        String key = "cart-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin().postForEntity("/api/triggers", cartAbandonedTrigger(key, 10), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String early = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        String earlyProcess = startedProcess(postEvent(cartAbandoned(early)), key);

        ResponseEntity<JsonNode> changed = admin().exchange(
                        "/api/triggers/" + key,
                        HttpMethod.PUT,
                        new HttpEntity<>(cartAbandonedTrigger(key, 20)),
                        JsonNode.class);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().path("version").asInt()).isEqualTo(2);
        String late = newCustomer(germanCustomerWithEmailConsent(mailbox()));
        String lateProcess = startedProcess(postEvent(cartAbandoned(late)), key);

        processes.fireTimer(earlyProcess, "Event_DelayElapsed");
        processes.fireTimer(lateProcess, "Event_DelayElapsed");

        assertThat(awaitEmailTo(customerEmail(early)).getSubject()).contains("10");
        assertThat(awaitEmailTo(customerEmail(late)).getSubject()).contains("20");
        admin().delete("/api/triggers/" + key);
        assertThat(admin().getForEntity("/api/triggers/" + key, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theBuiltInTriggerIsInstalledOnFirstStart() {
        JsonNode trigger = admin().getForEntity("/api/triggers/cart-abandoned", JsonNode.class)
                .getBody();

        assertThat(trigger.path("eventType").asText()).isEqualTo("CART_ABANDONED");
        assertThat(trigger.path("goalEventType").asText()).isEqualTo("PURCHASE_COMPLETED");
        assertThat(trigger.path("delay").asText()).isEqualTo("PT24H");
        assertThat(trigger.path("offer").path("percent").asInt()).isEqualTo(15);
        assertThat(trigger.path("offer").path("validity").asText()).isEqualTo("PT24H");
        assertThat(trigger.path("offer").path("freeExpressShipping").asBoolean())
                .isTrue();
        assertThat(trigger.path("channels").toString()).isEqualTo("[\"EMAIL\",\"SMS\"]");
    }

    // --- the REST API, as another system would use it

    private final Map<String, String> emails = new java.util.concurrent.ConcurrentHashMap<>();

    private static String mailbox() {
        return "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String newCustomer(Map<String, Object> customer) {
        String customerId = newCustomer("c-" + UUID.randomUUID().toString().substring(0, 12), customer);
        emails.put(customerId, (String) customer.get("email"));
        return customerId;
    }

    private String customerEmail(String customerId) {
        return emails.get(customerId);
    }

    private JsonNode postEvent(Map<String, Object> event) {
        ResponseEntity<JsonNode> response = admin().postForEntity("/api/events", event, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody();
    }

    private static String startedProcess(JsonNode receipt) {
        return startedProcess(receipt, "cart-abandoned");
    }

    private JsonNode consentsOf(String customerId) {
        return admin().getForEntity("/api/customers/" + customerId, JsonNode.class)
                .getBody()
                .path("consents");
    }

    private JsonNode messagesOf(String customerId) {
        return admin().getForEntity("/api/messages?customerId=" + customerId, JsonNode.class)
                .getBody();
    }

    private JsonNode decisionsOf(String customerId) {
        return admin().getForEntity("/api/customers/" + customerId + "/decisions", JsonNode.class)
                .getBody();
    }

    private JsonNode campaignOf(String customerId) {
        return campaignOf(customerId, "cart-abandoned");
    }

    private static MimeMessage awaitEmailTo(String address) {
        await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.getReceivedMessagesForDomain(address).length > 0);
        MimeMessage[] received = SMTP.getReceivedMessagesForDomain(address);
        assertThat(received).hasSize(1);
        return received[0];
    }
}
