package io.cxloop.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.engine.message.Message;
import io.cxloop.engine.message.MessageStatus;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.TestUsers;
import io.cxloop.rules.model.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** An agent reports what came of a call-back; the outcome is recorded and reaches the process waiting for it. */
class CallOutcomeIT extends EngineIT {

    private static final String AGENT = "deliveryagent";
    private static final String MARKETER = "deliverymarketer";
    private static final String PASSWORD = "it-Password-1";

    @Autowired
    OutboxRepository outbox;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identities;

    @Test
    void anAgentReportsTheCustomerWasReachedAndTheWaitingProcessHearsIt() {
        String callBack = sentCallBack();
        ProcessInstance waiting = processWaitingForTheOutcomeOf(callBack);

        ResponseEntity<JsonNode> reported = asAgent()
                .postForEntity(
                        "/api/calls/" + callBack + "/outcome",
                        Map.of("outcome", "REACHED", "note", "Kundin bestellt heute noch"),
                        JsonNode.class);

        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reported.getBody().path("callOutcome").asText()).isEqualTo("REACHED");
        assertThat(reported.getBody().path("callNote").asText()).isEqualTo("Kundin bestellt heute noch");
        assertThat(reported.getBody().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(waiting.getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(waiting.getId())
                        .variableName("callOutcome")
                        .singleResult()
                        .getValue())
                .isEqualTo("REACHED");
    }

    @Test
    void aWrongNumberFailsTheCallBackAndNotReachedLeavesItOpen() {
        String wrong = sentCallBack();
        String noAnswer = sentCallBack();

        JsonNode failed = asAgent()
                .postForEntity("/api/calls/" + wrong + "/outcome", Map.of("outcome", "WRONG_NUMBER"), JsonNode.class)
                .getBody();
        JsonNode open = asAgent()
                .postForEntity("/api/calls/" + noAnswer + "/outcome", Map.of("outcome", "NOT_REACHED"), JsonNode.class)
                .getBody();

        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("lastError").asText()).contains("wrong number");
        assertThat(open.path("status").asText()).isEqualTo("SENT");
        assertThat(open.path("callOutcome").asText()).isEqualTo("NOT_REACHED");
    }

    @Test
    void onlyAgentsAndTheSystemReportAndAnUnknownOutcomeIsABadRequestNamingTheField() {
        String callBack = sentCallBack();
        userInGroup(MARKETER, "MARKETER");

        ResponseEntity<JsonNode> byMarketer = anonymous
                .withBasicAuth(MARKETER, PASSWORD)
                .postForEntity("/api/calls/" + callBack + "/outcome", Map.of("outcome", "REACHED"), JsonNode.class);
        ResponseEntity<JsonNode> unknown = asAgent()
                .postForEntity("/api/calls/" + callBack + "/outcome", Map.of("outcome", "BEAMED"), JsonNode.class);
        ResponseEntity<JsonNode> missing =
                asAgent().postForEntity("/api/calls/" + callBack + "/outcome", Map.of("note", "?"), JsonNode.class);
        ResponseEntity<JsonNode> noSuchCall = asAgent()
                .postForEntity("/api/calls/nothing-here/outcome", Map.of("outcome", "REACHED"), JsonNode.class);

        assertThat(byMarketer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().toString()).contains("outcome");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().toString()).contains("outcome");
        assertThat(noSuchCall.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(outbox.find(callBack).orElseThrow().callOutcome()).isNull();
    }

    private String sentCallBack() {
        String customerId = "c-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> created = admin().exchange(
                        "/api/customers/" + customerId,
                        HttpMethod.PUT,
                        new HttpEntity<>(DeliveryIT.customerWithSmsConsent()),
                        JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = outbox.queue(new NewMessage(
                customerId,
                null,
                null,
                null,
                Channel.CALL_QUEUE,
                "reconnect-offer",
                "+4917012345678",
                "de",
                "Rückruf zum Warenkorb",
                null,
                "Guten Tag, hier ist der Kundenservice …",
                7,
                false));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> outbox.find(id).map(Message::status).orElse(null) == MessageStatus.SENT);
        return id;
    }

    /** A minimal process of the kind a closed-loop case will use: it waits for the outcome of its call-back. */
    private ProcessInstance processWaitingForTheOutcomeOf(String messageId) {
        String key = "call-outcome-probe";
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                    .camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_CallBackQueued")
                    .intermediateCatchEvent("Event_CallOutcomeReported")
                    .message("Message_CallOutcome")
                    .endEvent("EndEvent_OutcomeKnown")
                    .done();
            repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        }
        return runtime.startProcessInstanceByKey(key, Map.of("messageId", messageId));
    }

    private org.springframework.boot.test.web.client.TestRestTemplate asAgent() {
        userInGroup(AGENT, "AGENT");
        return anonymous.withBasicAuth(AGENT, PASSWORD);
    }

    private void userInGroup(String userId, String group) {
        TestUsers.ensure(identities, userId, PASSWORD, group);
    }
}
