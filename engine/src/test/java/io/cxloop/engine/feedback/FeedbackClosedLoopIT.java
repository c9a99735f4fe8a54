package io.cxloop.engine.feedback;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.ESCALATION_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.message.Message;
import io.cxloop.engine.message.MessageStatus;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.support.Emails;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.Fixtures;
import io.cxloop.engine.support.ProcessDriver;
import io.cxloop.engine.support.TestUsers;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
 * The closed loop through the REST API, as customers, agents and team leads meet it: real SMTP (GreenMail), the
 * embedded broker's call queue, Camunda's timers fired by the test instead of waiting.
 */
class FeedbackClosedLoopIT extends EngineIT {

    private static final String PASSWORD = "agent-test-password";
    private static final Pattern SURVEY_LINK = Pattern.compile("https://cx\\.shop\\.example(/s/[A-Za-z0-9_.-]+)");

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identities;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    ConnectionFactory broker;

    @Autowired
    JdbcClient jdbc;

    @Test
    void detractorIsCalledBackEscalatedAndTheLoopClosesAfterABetterFollowUp() throws Exception {
        String customerId = "loop-" + UUID.randomUUID();
        String email = customerId + "@example.org";
        putCustomer(customerId, email, "de", "HIGH", true);

        ResponseEntity<JsonNode> posted = postFeedback(detractorAboutLateDelivery(customerId));
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode receipt = posted.getBody();
        assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.path("npsClass").asText()).isEqualTo("DETRACTOR");
        assertThat(receipt.path("sentiment").asText()).isEqualTo("NEGATIVE");
        assertThat(receipt.path("topics").toString()).contains("DELIVERY");
        assertThat(receipt.path("action").asText()).isEqualTo("CALL_BACK");
        assertThat(receipt.path("firedRules")).isNotEmpty();
        String team = receipt.path("team").asText();
        String processInstanceId = receipt.path("processInstanceId").asText();
        ProcessDriver driver = new ProcessDriver(management);
        driver.runAsyncJobs(processInstanceId);

        // a case for the team, listed with its feedback's analysis
        JsonNode listed = findCase(admin(), "/api/cases?team=" + team + "&status=OPEN", customerId);
        String caseId = listed.path("caseId").asText();
        assertThat(listed.path("analysis").path("npsClass").asText()).isEqualTo("DETRACTOR");
        assertThat(listed.path("analysis").path("sentiment").asText()).isEqualTo("NEGATIVE");
        assertThat(listed.path("analysis").path("topics").toString()).contains("DELIVERY");
        assertThat(listed.path("breached").asBoolean()).isFalse();

        // the call-back request reaches the call center's queue
        String callBackId = messageOf(caseId, "CALL_BACK").path("messageId").asText();
        TextMessage call =
                (TextMessage) callQueue().receiveSelected("cxloop.call-queue", "CxloopOutboxId = '" + callBackId + "'");
        assertThat(call).as("call-back on the queue").isNotNull();
        assertThat(call.getJMSPriority()).isGreaterThanOrEqualTo(7);
        assertThat(call.getText())
                .contains(customerId)
                .contains("case-call-back")
                .contains(caseId);

        // the SLA passes: the team lead hears of it and the case is flagged
        driver.fireTimer(processInstanceId, "Event_SlaMissed");
        MimeMessage escalation = awaitMail("cx-leads@shop.example", caseId);
        assertThat(escalation.getSubject()).contains("SLA").contains(team);
        assertThat(Emails.text(escalation)).contains(customerId);
        assertThat(getCase(admin(), caseId).path("breached").asBoolean()).isTrue();

        // the call center reports the customer was reached
        await().atMost(Duration.ofSeconds(15))
                .until(() -> outbox.find(callBackId).map(Message::status).orElse(null) == MessageStatus.SENT);
        TestRestTemplate agent = agentOf(team);
        assertThat(agent.postForEntity(
                                "/api/calls/" + callBackId + "/outcome", Map.of("outcome", "REACHED"), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        driver.runAsyncJobs(processInstanceId);
        assertThat(getCase(admin(), caseId).path("firstContactAt").isMissingNode())
                .isFalse();

        // an agent of another team does not see the case; the team's agent claims and completes it
        assertThat(agentOf("returns-" + UUID.randomUUID())
                        .getForEntity("/api/cases/" + caseId, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(agent.postForEntity("/api/cases/" + caseId + "/claim", null, JsonNode.class)
                        .getBody()
                        .path("assignee")
                        .asText())
                .isEqualTo(agentId(team));
        ResponseEntity<JsonNode> completed = agent.postForEntity(
                "/api/cases/" + caseId + "/complete",
                Map.of("outcome", "COMPENSATED", "rootCause", "LATE_DELIVERY"),
                JsonNode.class);
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(completed.getBody().path("status").asText()).isEqualTo("CONTACTED");
        assertThat(completed.getBody().path("rootCause").asText()).isEqualTo("LATE_DELIVERY");

        // after the wait the customer is asked again, and answers through the link
        driver.fireTimer(processInstanceId, "Event_FollowUpDue");
        MimeMessage survey = awaitMail(email, null);
        String surveyPath = linkIn(Emails.text(survey));
        ResponseEntity<String> page = anonymous.getForEntity(surveyPath, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("lang=\"de\"")
                .contains("type=\"radio\" name=\"score\" value=\"10\"")
                .contains("<legend>Wie wahrscheinlich");
        ResponseEntity<String> answered = answerSurvey(surveyPath, "9", "Jetzt ist alles gut, danke!");
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody()).contains("Vielen Dank");
        driver.runAsyncJobs(processInstanceId);

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .activityId("EndEvent_LoopClosed")
                        .count())
                .isEqualTo(1);
        JsonNode closed = getCase(admin(), caseId);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("resolution").asText()).isEqualTo("LOOP_CLOSED");
        assertThat(closed.path("followUps").get(0).path("score").asInt()).isEqualTo(9);
        assertThat(closed.path("decisions").get(0).path("action").asText()).isEqualTo("CALL_BACK");
        List<String> events = new ArrayList<>();
        closed.path("history").forEach(entry -> events.add(entry.path("event").asText()));
        assertThat(events)
                .containsSubsequence(
                        "OPENED",
                        "CALL_BACK_QUEUED",
                        "SLA_BREACHED",
                        "CALL_OUTCOME",
                        "CLAIMED",
                        "CONTACTED",
                        "FOLLOW_UP_SENT",
                        "FOLLOW_UP_ANSWERED",
                        "CLOSED");
        List<String> purposes = new ArrayList<>();
        closed.path("messages")
                .forEach(message -> purposes.add(message.path("purpose").asText()));
        assertThat(purposes).contains("CALL_BACK", "ESCALATION", "FOLLOW_UP_SURVEY");

        // the link answers once
        ResponseEntity<String> again = answerSurvey(surveyPath, "10", "noch einmal");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(anonymous.getForEntity(surveyPath, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anAgentWhoCompletesTheTaskInTasklistClosesTheSameStepAsTheCaseApi() {
        String customerId = "tasklist-" + UUID.randomUUID();
        putCustomer(customerId, customerId + "@example.org", "de", "HIGH", false);
        JsonNode receipt = postFeedback(detractorAboutLateDelivery(customerId)).getBody();
        String processInstanceId = receipt.path("processInstanceId").asText();
        new ProcessDriver(management).runAsyncJobs(processInstanceId);
        JsonNode opened = findCase(admin(), "/api/cases?status=OPEN", customerId);
        String caseId = opened.path("caseId").asText();
        TestRestTemplate agent = agentOf(receipt.path("team").asText());

        // Tasklist speaks Camunda's REST API as the logged-in agent
        JsonNode tasks = agent.getForEntity(
                        "/engine-rest/task?processInstanceId=" + processInstanceId + "&candidateGroup="
                                + receipt.path("team").asText(),
                        JsonNode.class)
                .getBody();
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();
        assertThat(agent.postForEntity(
                                "/engine-rest/task/" + taskId + "/claim",
                                Map.of("userId", agentId(receipt.path("team").asText())),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(agent.postForEntity(
                                "/engine-rest/task/" + taskId + "/complete",
                                Map.of(
                                        "variables",
                                        Map.of(
                                                "outcome", Map.of("value", "EXPLAINED"),
                                                "rootCause", Map.of("value", "LATE_DELIVERY"))),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode contacted = getCase(agent, caseId);
        assertThat(contacted.path("status").asText()).isEqualTo("CONTACTED");
        assertThat(contacted.path("assignee").asText())
                .isEqualTo(agentId(receipt.path("team").asText()));
        assertThat(contacted.path("outcome").asText()).isEqualTo("EXPLAINED");
        List<String> events = new ArrayList<>();
        contacted
                .path("history")
                .forEach(entry -> events.add(entry.path("event").asText()));
        assertThat(events).containsSubsequence("OPENED", "CALL_BACK_SKIPPED", "CLAIMED", "CONTACTED");
        assertThat(agent.postForEntity(
                                "/api/cases/" + caseId + "/complete",
                                Map.of("outcome", "RESOLVED", "rootCause", "LATE_DELIVERY"),
                                JsonNode.class)
                        .getStatusCode())
                .as("the task is done: nothing left to complete")
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> badCompletion = agent.postForEntity(
                "/api/cases/" + caseId + "/complete", Map.of("outcome", "RESOLVED"), JsonNode.class);
        assertThat(badCompletion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCompletion.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("rootCause");
    }

    @Test
    void anOverdueCaseGoesToTheEscalationGroupAndAFollowUpWithoutImprovementReopensIt() throws Exception {
        String customerId = "reopen-" + UUID.randomUUID();
        String email = customerId + "@example.org";
        putCustomer(customerId, email, "en", "HIGH", true);
        JsonNode receipt = postFeedback(detractorAboutLateDelivery(customerId)).getBody();
        String processInstanceId = receipt.path("processInstanceId").asText();
        ProcessDriver driver = new ProcessDriver(management);
        driver.runAsyncJobs(processInstanceId);
        String caseId = findCase(admin(), "/api/cases?status=OPEN", customerId)
                .path("caseId")
                .asText();
        TestRestTemplate teamAgent = agentOf(receipt.path("team").asText());
        TestRestTemplate escalationAgent = agentOf(ESCALATION_GROUP);
        assertThat(escalationAgent
                        .getForEntity("/api/cases/" + caseId, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        teamAgent.postForEntity("/api/cases/" + caseId + "/claim", null, JsonNode.class);

        // long after the SLA the escalation group takes over, and the team's agent lets go
        driver.fireTimer(processInstanceId, "Event_SlaMissed");
        driver.fireTimer(processInstanceId, "Event_ReassignDue");
        JsonNode escalated = getCase(escalationAgent, caseId);
        assertThat(escalated.path("status").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.path("workGroup").asText()).isEqualTo(ESCALATION_GROUP);
        assertThat(escalated.path("assignee").isMissingNode()).isTrue();
        assertThat(escalated.path("task").path("candidateGroups").toString()).contains(ESCALATION_GROUP);
        assertThat(findCase(escalationAgent, "/api/cases?status=ESCALATED", customerId)
                        .path("breached")
                        .asBoolean())
                .isTrue();
        assertThat(escalationAgent
                        .postForEntity(
                                "/api/cases/" + caseId + "/complete",
                                Map.of("outcome", "EXPLAINED", "rootCause", "LATE_DELIVERY"),
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // the customer is still unhappy: reopened once, for the escalation group, with a new SLA and call-back
        driver.fireTimer(processInstanceId, "Event_FollowUpDue");
        String surveyPath = linkIn(Emails.text(awaitMail(email, "solved")));
        assertThat(answerSurvey(surveyPath, "3", "Still waiting for my parcel.").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        driver.runAsyncJobs(processInstanceId);
        JsonNode reopened = getCase(escalationAgent, caseId);
        assertThat(reopened.path("status").asText()).isEqualTo("REOPENED");
        assertThat(reopened.path("reopened").asBoolean()).isTrue();
        assertThat(reopened.path("workGroup").asText()).isEqualTo(ESCALATION_GROUP);
        assertThat(Instant.parse(reopened.path("slaDueAt").asText())).isAfter(Instant.now());
        List<String> purposes = new ArrayList<>();
        reopened.path("messages")
                .forEach(message -> purposes.add(message.path("purpose").asText()));
        assertThat(purposes).filteredOn("CALL_BACK"::equals).hasSize(2);

        // and the second follow-up without improvement closes it
        escalationAgent.postForEntity(
                "/api/cases/" + caseId + "/complete",
                Map.of("outcome", "REFUNDED", "rootCause", "LATE_DELIVERY"),
                JsonNode.class);
        driver.fireTimer(processInstanceId, "Event_FollowUpDue");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from survey where case_id = ?")
                                .param(caseId)
                                .query(Integer.class)
                                .single()
                        == 2);
        driver.fireTimer(processInstanceId, "Event_SurveyUnanswered");
        JsonNode closed = getCase(admin(), caseId);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED_UNCONFIRMED");
        assertThat(closed.path("resolution").asText()).isEqualTo("UNCONFIRMED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isZero();
    }

    @Test
    void promoterIsInvitedToWriteAReview() throws Exception {
        String customerId = "promoter-" + UUID.randomUUID();
        String email = customerId + "@example.org";
        putCustomer(customerId, email, "en", "MEDIUM", false);
        Map<String, Object> feedback = feedback(customerId, "STORE", "NPS", 10);
        feedback.put("comment", "Wonderful advice in the store, friendly staff. I love it!");

        JsonNode receipt = postFeedback(feedback).getBody();
        assertThat(receipt.path("npsClass").asText()).isEqualTo("PROMOTER");
        assertThat(receipt.path("action").asText()).isEqualTo("REVIEW_INVITE");
        new ProcessDriver(management)
                .runAsyncJobs(receipt.path("processInstanceId").asText());

        MimeMessage invitation = awaitMail(email, null);
        assertThat(invitation.getSubject()).contains("share");
        JsonNode decision = admin().getForObject("/api/customers/" + customerId + "/decisions", JsonNode.class)
                .get(0);
        assertThat(decision.path("action").asText()).isEqualTo("REVIEW_INVITATION");
        assertThat(decision.path("ruleSetVersion").asText()).isEqualTo("review-invitation@builtin-1");
        assertThat(jdbc.sql("select decision_id from outbox_message where customer_id = ? and template = ?")
                        .params(customerId, "review-invitation")
                        .query(String.class)
                        .single())
                .isEqualTo(decision.path("decisionId").asText());
        assertThat(Emails.text(invitation)).contains("https://www.example.com/reviews");
    }

    @Test
    void aDeliveryIsRatedThroughTheInvitationAndTheAnswerIsTriagedLikeAnyFeedback() throws Exception {
        String customerId = "delivered-" + UUID.randomUUID();
        String email = customerId + "@example.org";
        putCustomer(customerId, email, "en", "HIGH", false);

        assertThat(admin().postForEntity("/api/events", Fixtures.event(customerId, "DELIVERED"), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(admin().postForEntity("/api/events", Fixtures.event(customerId, "DELIVERED"), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(jdbc.sql("select count(*) from outbox_message where customer_id = ? and template = ?")
                        .params(customerId, "survey-invitation")
                        .query(Integer.class)
                        .single())
                .as("invited once, not after every delivery")
                .isEqualTo(1);
        JsonNode decisions = admin().getForObject("/api/customers/" + customerId + "/decisions", JsonNode.class);
        assertThat(decisions.get(0).path("action").asText())
                .as("the second delivery: no second invitation")
                .isEqualTo("NO_ACTION");
        assertThat(decisions.get(0).path("explanations").toString())
                .contains("A customer is asked for a survey at most once within the minimum interval");
        JsonNode invited = decisions.get(1);
        assertThat(invited.path("action").asText()).isEqualTo("SURVEY_INVITATION");
        assertThat(invited.path("ruleSetVersion").asText()).isEqualTo("survey-invitation@builtin-1");
        assertThat(invited.path("explanations").toString())
                .contains("The invitation waits for the delay after the event")
                .contains("2 days after DELIVERED");

        // the invitation waits two days (cxloop.surveys.delays.DELIVERED) in the outbox, not in memory
        Instant waitsUntil = jdbc.sql(
                        "select next_attempt_at from outbox_message where customer_id = ? and template = ?")
                .params(customerId, "survey-invitation")
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();
        assertThat(waitsUntil)
                .isEqualTo(Instant.parse(invited.path("notBefore").asText()))
                .isBetween(
                        Instant.now().plus(Duration.ofHours(47)), Instant.now().plus(Duration.ofHours(49)));
        assertThat(SMTP.getReceivedMessages()).noneMatch(mail -> isTo(mail, email));
        // two days pass
        jdbc.sql("update outbox_message set next_attempt_at = ? where customer_id = ? and template = ?")
                .params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), customerId, "survey-invitation")
                .update();

        MimeMessage invitation = awaitMail(email, null);
        assertThat(invitation.getHeader("List-Unsubscribe"))
                .as("a survey request is marketing")
                .isNotNull();
        assertThat(invitation.getSubject()).isEqualTo("How satisfied were you?");
        assertThat(Emails.text(invitation)).contains("with the delivery of your order");
        String surveyPath = linkIn(Emails.text(invitation));
        assertThat(anonymous.getForEntity(surveyPath, String.class).getBody()).contains("lang=\"en\"");
        assertThat(answerSurvey(surveyPath, "2", "The parcel arrived late and the box was damaged.")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode answer = admin().getForEntity("/api/feedback/survey-" + surveyIdOf(surveyPath), JsonNode.class)
                .getBody();
        assertThat(answer.path("touchpoint").asText()).isEqualTo("DELIVERY");
        assertThat(answer.path("journeyStage").asText()).isEqualTo("SERVICE");
        assertThat(answer.path("npsClass").asText()).isEqualTo("DETRACTOR");
        assertThat(answer.path("topics").toString()).contains("DELIVERY");
        assertThat(answer.path("action").asText()).isEqualTo("CALL_BACK");
        new ProcessDriver(management)
                .runAsyncJobs(answer.path("processInstanceId").asText());
        assertThat(findCase(admin(), "/api/cases?status=OPEN", customerId)
                        .path("feedbackId")
                        .asText())
                .isEqualTo(answer.path("feedbackId").asText());
        assertThat(answerSurvey(surveyPath, "10", "").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theSameFeedbackTwiceStartsOneProcess() {
        String customerId = "twice-" + UUID.randomUUID();
        putCustomer(customerId, customerId + "@example.org", "en", null, false);
        Map<String, Object> feedback = feedback(customerId, "APP", "CSAT", 3);

        JsonNode first = postFeedback(feedback).getBody();
        ResponseEntity<JsonNode> second = postFeedback(feedback);

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(second.getBody().path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(second.getBody().path("processInstanceId").asText())
                .isEqualTo(first.path("processInstanceId").asText());
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(feedback.get("feedbackId").toString())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void badFeedbackIsRejectedNamingTheField() {
        String customerId = "bad-" + UUID.randomUUID();
        putCustomer(customerId, customerId + "@example.org", "en", null, false);

        assertRejected(feedback(customerId, "WEB_SHOP", "NPS", 11), "score");
        assertRejected(feedback(customerId, "WEB_SHOP", "CSAT", 0), "score");
        assertRejected(feedback(customerId, "WEB_SHOP", "CES", 8), "score");
        assertRejected(feedback(customerId, "WEB_SHOP", "STARS", 3), "scoreType");
        assertRejected(feedback(customerId, "FAX", "NPS", 3), "touchpoint");
        assertRejected(feedback("nobody-" + UUID.randomUUID(), "WEB_SHOP", "NPS", 3), "customerId");
        Map<String, Object> noScore = feedback(customerId, "WEB_SHOP", "NPS", 3);
        noScore.remove("score");
        assertRejected(noScore, "score");
        Map<String, Object> badLanguage = feedback(customerId, "WEB_SHOP", "NPS", 3);
        badLanguage.put("language", "fr");
        assertRejected(badLanguage, "language");
    }

    @Test
    void aForgedOrAlteredSurveyLinkShowsNothing() {
        assertThat(anonymous.getForEntity("/s/not-a-token", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answerSurvey("/s/bm8.4102444800.AAAAAAAAAAAAAAAAAAAAAA", "10", "")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertRejected(Map<String, Object> feedback, String field) {
        ResponseEntity<JsonNode> response = postFeedback(feedback);
        assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo(field);
    }

    private void putCustomer(String customerId, String email, String language, String valueSegment, boolean callable) {
        Map<String, Object> customer = new HashMap<>();
        customer.put("firstName", "de".equals(language) ? "Lena" : "John");
        customer.put("lastName", "de".equals(language) ? "Schmidt" : "Miller");
        customer.put("email", email);
        customer.put("phone", "+4917012345678");
        customer.put("language", language);
        customer.put("timezone", io.cxloop.engine.support.Fixtures.daytimeZone());
        customer.put("consents", Map.of("EMAIL", true, "SMS", false, "CALL_QUEUE", callable));
        if (valueSegment != null) {
            customer.put("valueSegment", valueSegment);
        }
        ResponseEntity<JsonNode> saved = admin().exchange(
                        "/api/customers/" + customerId, HttpMethod.PUT, new HttpEntity<>(customer), JsonNode.class);
        assertThat(saved.getStatusCode().is2xxSuccessful()).as("customer saved").isTrue();
        assertThat(saved.getBody().path("valueSegment").asText())
                .isEqualTo(valueSegment == null ? "MEDIUM" : valueSegment);
    }

    private static Map<String, Object> detractorAboutLateDelivery(String customerId) {
        Map<String, Object> feedback = feedback(customerId, "DELIVERY", "NPS", 2);
        feedback.put("comment", "Die Lieferung kam eine Woche zu spät und niemand hat sich gemeldet. Sehr ärgerlich!");
        feedback.put("language", "de");
        feedback.put("journeyStage", "SERVICE");
        feedback.put("transactionRef", "order-4711");
        return feedback;
    }

    private static Map<String, Object> feedback(String customerId, String touchpoint, String scoreType, int score) {
        Map<String, Object> feedback = new HashMap<>();
        feedback.put("feedbackId", "fb-" + UUID.randomUUID());
        feedback.put("customerId", customerId);
        feedback.put("touchpoint", touchpoint);
        feedback.put("channel", "EMAIL");
        feedback.put("scoreType", scoreType);
        feedback.put("score", score);
        feedback.put("occurredAt", Instant.now().toString());
        return feedback;
    }

    private ResponseEntity<JsonNode> postFeedback(Map<String, Object> feedback) {
        return admin().postForEntity("/api/feedback", feedback, JsonNode.class);
    }

    private JsonNode findCase(TestRestTemplate as, String url, String customerId) {
        JsonNode cases = as.getForEntity(url, JsonNode.class).getBody();
        for (JsonNode listed : cases) {
            if (customerId.equals(listed.path("customerId").asText())) {
                return listed;
            }
        }
        throw new AssertionError("no case of " + customerId + " in " + cases);
    }

    private JsonNode getCase(TestRestTemplate as, String caseId) {
        ResponseEntity<JsonNode> found = as.getForEntity("/api/cases/" + caseId, JsonNode.class);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        return found.getBody();
    }

    private JsonNode messageOf(String caseId, String purpose) {
        for (JsonNode message : getCase(admin(), caseId).path("messages")) {
            if (purpose.equals(message.path("purpose").asText())) {
                return message;
            }
        }
        throw new AssertionError("case " + caseId + " has no " + purpose + " message");
    }

    private JmsTemplate callQueue() {
        JmsTemplate jms = new JmsTemplate(broker);
        jms.setReceiveTimeout(Duration.ofSeconds(15).toMillis());
        return jms;
    }

    private ResponseEntity<String> answerSurvey(String path, String score, String comment) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("score", score);
        form.add("comment", comment);
        return anonymous.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    private static String linkIn(String text) {
        Matcher link = SURVEY_LINK.matcher(text);
        assertThat(link.find()).as("survey link in " + text).isTrue();
        return link.group(1);
    }

    /** The first mail to the address (whose subject mentions {@code about}, if given). */
    private static MimeMessage awaitMail(String address, String about) {
        List<MimeMessage> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (MimeMessage mail : SMTP.getReceivedMessages()) {
                boolean toAddress = Arrays.stream(mail.getRecipients(RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().contains(address));
                if (toAddress && (about == null || mail.getSubject().contains(about))) {
                    found.add(mail);
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    private static boolean isTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String surveyIdOf(String surveyPath) {
        String token = surveyPath.substring("/s/".length());
        return new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    }

    private static String agentId(String team) {
        return "agent-" + team;
    }

    /** An agent in the team's Camunda group. */
    private TestRestTemplate agentOf(String team) {
        String userId = agentId(team);
        TestUsers.ensure(identities, userId, PASSWORD, "AGENT", team);
        return anonymous.withBasicAuth(userId, PASSWORD);
    }
}
