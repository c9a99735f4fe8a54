package io.cxloop.engine.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.ruleset.RuleSetService;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.engine.support.ProcessDriver;
import io.cxloop.engine.support.TestUsers;
import io.cxloop.rules.model.Channel;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Invitations decided by the rules, through the REST API: a post-call survey on the call center's queue, survey
 * channels an analyst changes without a restart, and review invitations under the marketing caps and quiet hours.
 */
class InvitationDecisionsIT extends EngineIT {

    private static final String ANALYST = "rita-invitations";
    private static final String PASSWORD = "analyst-test-password";
    private static final Pattern SURVEY_LINK = Pattern.compile("https://cx\\.shop\\.example(/s/[A-Za-z0-9_.-]+)");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    ConnectionFactory broker;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identities;

    @Autowired
    RuleSetService ruleSets;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void builtInSurveyRulesAreActiveAgain() {
        while (ruleSets.active("survey-invitation").version() != null) {
            ruleSets.rollback("survey-invitation", "cleanup");
        }
    }

    @Test
    void afterAServiceCallTheCallCenterIsAskedToOfferTheSurveyAndRecordsTheAnswerThroughTheLink() throws Exception {
        String customerId = "caller-" + UUID.randomUUID();
        putCustomer(customerId, Fixtures.daytimeZone(), Map.of("EMAIL", true, "SMS", false, "CALL_QUEUE", true));

        Map<String, Object> call = Fixtures.event(customerId, "SERVICE_CONTACT");
        call.put("attributes", Map.of("touchpoint", "CALL_CENTER"));
        assertThat(admin().postForEntity("/api/events", call, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        JsonNode decision = latestDecision(customerId);
        assertThat(decision.path("ruleSetVersion").asText()).isEqualTo("survey-invitation@builtin-1");
        assertThat(decision.path("action").asText()).isEqualTo("SURVEY_INVITATION");
        assertThat(decision.path("channel").asText()).isEqualTo("CALL_QUEUE");
        assertThat(decision.path("explanations").toString())
                .contains("After a service call the call center offers the survey at the end of the call");
        Map<String, Object> queued = jdbc.sql(
                        "select message_id, channel, marketing, decision_id from outbox_message where customer_id = ?"
                                + " and template = 'survey-call-request'")
                .param(customerId)
                .query()
                .singleRow();
        assertThat(queued.get("channel")).isEqualTo("CALL_QUEUE");
        assertThat(queued.get("marketing"))
                .as("offered within the customer's own call")
                .isEqualTo(false);
        assertThat(queued.get("decision_id"))
                .isEqualTo(decision.path("decisionId").asText());

        JmsTemplate queue = new JmsTemplate(broker);
        queue.setReceiveTimeout(Duration.ofSeconds(20).toMillis());
        TextMessage request = (TextMessage)
                queue.receiveSelected("cxloop.call-queue", "CxloopOutboxId = '" + queued.get("message_id") + "'");
        assertThat(request).as("survey request on the call queue").isNotNull();
        JsonNode body = json.readTree(request.getText());
        assertThat(body.path("kind").asText()).isEqualTo("survey-call-request");
        assertThat(body.path("customerId").asText()).isEqualTo(customerId);
        assertThat(body.path("reason").asText()).contains("Post-call survey");

        // the agent records the customer's answer through the link of the request
        Matcher link = SURVEY_LINK.matcher(body.path("script").asText());
        assertThat(link.find()).as("survey link in %s", body).isTrue();
        assertThat(answer(link.group(1), "9", "Quick and friendly help").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String surveyId = jdbc.sql("select survey_id from survey where customer_id = ?")
                .param(customerId)
                .query(String.class)
                .single();
        JsonNode feedback = admin().getForObject("/api/feedback/survey-" + surveyId, JsonNode.class);
        assertThat(feedback.path("touchpoint").asText()).isEqualTo("CALL_CENTER");
        assertThat(feedback.path("npsClass").asText()).isEqualTo("PROMOTER");
    }

    @Test
    void anAnalystPutsTextMessagesBeforeEmailWithoutARestart() throws Exception {
        String drl = builtInSurveyRules()
                .replace(
                        "insert( new ChannelCandidate( Channel.EMAIL, 1, Purpose.MARKETING ) );",
                        "insert( new ChannelCandidate( Channel.EMAIL, 3, Purpose.MARKETING ) );")
                .replace(
                        "rule \"A survey link goes by e-mail, else by text message\"",
                        "rule \"A survey link goes by text message, else by e-mail\"");
        Map<String, Object> scenario = Map.of(
                "name",
                "A customer who agreed to both gets the link by text message",
                "given",
                Map.of(
                        "customer",
                        Map.of(
                                "customerId", "lena",
                                "language", "de",
                                "timezone", "Europe/Berlin",
                                "email", "lena@example.org",
                                "phone", "+4917012345678",
                                "consentedChannels", List.of("EMAIL", "SMS")),
                        "survey",
                        Map.of("eventType", "DELIVERED", "touchpoint", "DELIVERY", "minInterval", "P30D"),
                        "now",
                        "2025-06-02T09:00:00Z"),
                "expect",
                Map.of("invited", true, "channel", "SMS"));
        ResponseEntity<JsonNode> uploaded = analyst()
                .postForEntity(
                        "/api/rulesets/survey-invitation/versions",
                        Map.of("drl", drl, "scenarios", List.of(scenario), "comment", "SMS first"),
                        JsonNode.class);
        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        int version = uploaded.getBody().path("version").asInt();
        assertThat(analyst()
                        .postForEntity(
                                "/api/rulesets/survey-invitation/versions/" + version + "/activate",
                                null,
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        String customerId = "sms-first-" + UUID.randomUUID();
        putCustomer(customerId, Fixtures.daytimeZone(), Map.of("EMAIL", true, "SMS", true, "CALL_QUEUE", false));
        admin().postForEntity("/api/events", Fixtures.event(customerId, "DELIVERED"), JsonNode.class);

        JsonNode decision = latestDecision(customerId);
        assertThat(decision.path("ruleSetVersion").asText()).isEqualTo("survey-invitation@v" + version);
        assertThat(decision.path("contactPolicyVersion").asText())
                .as("composed with the active contact policy like the built-in version")
                .isEqualTo("contact-policy@builtin-1");
        assertThat(decision.path("channel").asText()).isEqualTo("SMS");
        assertThat(jdbc.sql("select channel from outbox_message where customer_id = ? and template = ?")
                        .params(customerId, "survey-invitation")
                        .query(String.class)
                        .single())
                .isEqualTo("SMS");

        // the built-in rules' scenarios pass on the built-in version
        JsonNode report = analyst()
                .postForEntity("/api/rulesets/survey-invitation/versions/builtin/test", null, JsonNode.class)
                .getBody();
        assertThat(report.path("passed").asBoolean()).as("%s", report).isTrue();
    }

    @Test
    void aPromoterAtTheMarketingCapIsNotInvitedAndTheDecisionSaysWhy() {
        String customerId = "capped-" + UUID.randomUUID();
        String email = putCustomer(customerId, Fixtures.daytimeZone(), Map.of("EMAIL", true));
        // two marketing e-mails earlier this week, by another process
        for (int i = 0; i < 2; i++) {
            outbox.queue(new NewMessage(
                    customerId,
                    null,
                    null,
                    null,
                    Channel.EMAIL,
                    "reconnect-offer",
                    email,
                    "en",
                    "Offer",
                    "<p>15 %</p>",
                    "15 %",
                    null,
                    true));
        }

        runLoopFor(promoter(customerId));

        JsonNode decision = latestDecision(customerId);
        assertThat(decision.path("ruleSetVersion").asText()).isEqualTo("review-invitation@builtin-1");
        assertThat(decision.path("action").asText()).isEqualTo("NO_ACTION");
        assertThat(decision.path("explanations").toString())
                .contains("Marketing stays within the cap across all channels")
                .contains("the customer got 2 marketing message(s) within 7 days across all channels; the cap is 2");
        assertThat(countMessages(customerId, "review-invitation")).isZero();
    }

    @Test
    void aPromoterWhoRatesAtNightIsInvitedInTheMorningAndAPassiveIsThankedThen() {
        String promoterId = "night-owl-" + UUID.randomUUID();
        putCustomer(promoterId, Fixtures.nightZone(), Map.of("EMAIL", true));

        runLoopFor(promoter(promoterId));

        JsonNode decision = latestDecision(promoterId);
        assertThat(decision.path("action").asText()).isEqualTo("REVIEW_INVITATION");
        Instant notBefore = Instant.parse(decision.path("notBefore").asText());
        assertThat(notBefore)
                .isBetween(
                        Instant.now().plus(Duration.ofHours(6)), Instant.now().plus(Duration.ofHours(8)));
        assertThat(decision.path("explanations").toString())
                .contains("Quiet hours postpone the message until they end");
        assertThat(waitsUntil(promoterId, "review-invitation")).isEqualTo(notBefore);

        String passiveId = "night-passive-" + UUID.randomUUID();
        putCustomer(passiveId, Fixtures.nightZone(), Map.of("EMAIL", true));
        Map<String, Object> passive = promoter(passiveId);
        passive.put("score", 7);
        runLoopFor(passive);
        assertThat(waitsUntil(passiveId, "feedback-thank-you"))
                .as("the thank-you is not capped but waits for the morning")
                .isBetween(
                        Instant.now().plus(Duration.ofHours(6)), Instant.now().plus(Duration.ofHours(8)));
    }

    @Test
    void aWaitingSurveyInvitationIsDroppedWhenAComplaintCaseOpensMeanwhile() {
        String customerId = "complains-meanwhile-" + UUID.randomUUID();
        putCustomer(customerId, Fixtures.daytimeZone(), Map.of("EMAIL", true));
        admin().postForEntity("/api/events", Fixtures.event(customerId, "DELIVERED"), JsonNode.class);
        assertThat(countMessages(customerId, "survey-invitation")).isEqualTo(1);

        // the next day the customer complains: a case opens while the invitation waits
        Map<String, Object> complaint = promoter(customerId);
        complaint.put("score", 1);
        complaint.put("touchpoint", "DELIVERY");
        complaint.put("comment", "The parcel was damaged and late.");
        runLoopFor(complaint);
        // two days pass
        jdbc.sql("update outbox_message set next_attempt_at = ? where customer_id = ? and template = ?")
                .params(OffsetDateTime.now(java.time.ZoneOffset.UTC), customerId, "survey-invitation")
                .update();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                                "select status, status_reason from outbox_message where customer_id = ? and template = ?")
                        .params(customerId, "survey-invitation")
                        .query()
                        .singleRow())
                .containsEntry("status", "SUPPRESSED")
                .hasEntrySatisfying(
                        "status_reason", reason -> assertThat((String) reason).contains("open complaint case")));
    }

    private Instant waitsUntil(String customerId, String template) {
        return jdbc.sql("select next_attempt_at from outbox_message where customer_id = ? and template = ?"
                        + " and status = 'QUEUED'")
                .params(customerId, template)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private int countMessages(String customerId, String template) {
        return jdbc.sql("select count(*) from outbox_message where customer_id = ? and template = ?")
                .params(customerId, template)
                .query(Integer.class)
                .single();
    }

    private static Map<String, Object> promoter(String customerId) {
        Map<String, Object> feedback = new HashMap<>();
        feedback.put("feedbackId", "fb-" + UUID.randomUUID());
        feedback.put("customerId", customerId);
        feedback.put("touchpoint", "STORE");
        feedback.put("scoreType", "NPS");
        feedback.put("score", 10);
        feedback.put("comment", "Wonderful advice in the store, friendly staff.");
        feedback.put("occurredAt", Instant.now().toString());
        return feedback;
    }

    private void runLoopFor(Map<String, Object> feedback) {
        ResponseEntity<JsonNode> posted = admin().postForEntity("/api/feedback", feedback, JsonNode.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        new ProcessDriver(management)
                .runAsyncJobs(posted.getBody().path("processInstanceId").asText());
    }

    private JsonNode latestDecision(String customerId) {
        JsonNode decisions = admin().getForObject("/api/customers/" + customerId + "/decisions", JsonNode.class);
        assertThat(decisions).as("decisions of %s", customerId).isNotEmpty();
        return decisions.get(0);
    }

    private String putCustomer(String customerId, String timezone, Map<String, Boolean> consents) {
        String email = customerId + "@example.org";
        Map<String, Object> customer = Fixtures.customer("John", "Miller", email, "en", timezone, consents);
        ResponseEntity<JsonNode> saved = admin().exchange(
                        "/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(customer), JsonNode.class);
        assertThat(saved.getStatusCode().is2xxSuccessful()).isTrue();
        return email;
    }

    private ResponseEntity<String> answer(String path, String score, String comment) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("score", score);
        form.add("comment", comment);
        return anonymous.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    private TestRestTemplate analyst() {
        TestUsers.ensure(identities, ANALYST, PASSWORD, "ANALYST");
        return anonymous.withBasicAuth(ANALYST, PASSWORD);
    }

    private static String builtInSurveyRules() throws IOException {
        try (InputStream in = InvitationDecisionsIT.class
                .getClassLoader()
                .getResourceAsStream("io/cxloop/rules/invitation/survey-invitation.drl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
