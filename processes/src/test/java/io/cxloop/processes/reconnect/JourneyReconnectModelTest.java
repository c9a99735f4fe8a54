package io.cxloop.processes.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.processes.ProcessResources;
import io.cxloop.processes.testing.BpmnModels;
import io.cxloop.processes.testing.RecordingCampaignPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;

/** Checks the model file itself: what the engine wires, what Modeler and Cockpit draw, what analysts read. */
class JourneyReconnectModelTest {

    private final BpmnModelInstance model = BpmnModels.read(JourneyReconnect.BPMN_RESOURCE);

    @Test
    void everyDeployedResourceIsOnTheClasspath() {
        assertThat(ProcessResources.BPMN).isNotEmpty().allSatisfy(resource -> assertThat(
                        getClass().getClassLoader().getResource(resource))
                .as(resource)
                .isNotNull());
    }

    @Test
    void processIsExecutableWithHistoryTimeToLive() {
        Process process = model.getModelElementById(JourneyReconnect.PROCESS_KEY);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    }

    @Test
    void everyDelegateExpressionResolvesToABean() {
        Map<String, Object> beans = JourneyReconnectDelegates.beans(new RecordingCampaignPort());
        Set<String> expressions = model.getModelElementsByType(ServiceTask.class).stream()
                .map(ServiceTask::getCamundaDelegateExpression)
                .collect(Collectors.toSet());
        assertThat(expressions)
                .containsExactlyInAnyOrderElementsOf(
                        beans.keySet().stream().map(name -> "${" + name + "}").toList());
    }

    @Test
    void aTimerRunsTheStepsAfterItInItsOwnJobWhileStepsAfterAMessageGetAJobOfTheirOwn() {
        // a timer's job is a transaction boundary already: the tasks after it run in that job, not in one more each
        assertThat(serviceTasksAfter(TimerEventDefinition.class))
                .containsExactlyInAnyOrder(
                        "Task_DecideNextBestAction", "Task_RecordExpired", "Task_RecordExpiredInControl")
                .allSatisfy(
                        id -> assertThat(task(id).isCamundaAsyncBefore()).as(id).isFalse());
        assertThat(task("Task_IssueOfferAndQueueMessage").isCamundaAsyncBefore())
                .as("the offer is issued in the decision's transaction")
                .isFalse();
        assertThat(task("Task_RecordNoAction").isCamundaAsyncBefore()).isFalse();
        // whoever correlates a message (a REST request, the outbox) only records that it happened: the event continues
        // asynchronously, or the task after it starts in a job of its own
        List<IntermediateCatchEvent> messageEvents = model.getModelElementsByType(IntermediateCatchEvent.class).stream()
                .filter(event ->
                        event.getEventDefinitions().stream().anyMatch(MessageEventDefinition.class::isInstance))
                .toList();
        assertThat(messageEvents).hasSize(4).allSatisfy(event -> assertThat(event.isCamundaAsyncAfter()
                        || event.getOutgoing().stream()
                                .allMatch(flow -> ((ServiceTask) flow.getTarget()).isCamundaAsyncBefore()))
                .as(event.getId())
                .isTrue());
        IntermediateCatchEvent undeliverable = model.getModelElementById("Event_MessageUndeliverable");
        assertThat(undeliverable.isCamundaAsyncAfter())
                .as("a failing decision never undoes the outbox's status change")
                .isTrue();
    }

    @Test
    void everyJobRetriesThreeTimesFiveMinutesApartBeforeItBecomesAnIncident() {
        List<FlowNode> jobs = model.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> node instanceof Activity || node instanceof IntermediateCatchEvent)
                .filter(node -> node.isCamundaAsyncBefore()
                        || node.isCamundaAsyncAfter()
                        || (node instanceof IntermediateCatchEvent event
                                && event.getEventDefinitions().stream()
                                        .anyMatch(TimerEventDefinition.class::isInstance)))
                .toList();
        assertThat(jobs)
                .extracting(FlowNode::getId)
                .containsExactlyInAnyOrder(
                        "Event_DelayElapsed",
                        "Event_OfferExpired",
                        "Event_ControlWindowEnded",
                        "Event_MessageUndeliverable",
                        "Task_RecordConvertedBeforeContact",
                        "Task_RecordConvertedAfterContact",
                        "Task_RecordConvertedInControl");
        assertThat(jobs).allSatisfy(node -> assertThat(node.getExtensionElements()
                        .getElementsQuery()
                        .filterByType(CamundaFailedJobRetryTimeCycle.class)
                        .singleResult()
                        .getTextContent())
                .as(node.getId())
                .isEqualTo("R3/PT5M"));
    }

    private ServiceTask task(String id) {
        return model.getModelElementById(id);
    }

    /** Ids of the service tasks that directly follow an intermediate catch event of that kind. */
    private List<String> serviceTasksAfter(Class<? extends EventDefinition> definition) {
        return model.getModelElementsByType(IntermediateCatchEvent.class).stream()
                .filter(event -> event.getEventDefinitions().stream().anyMatch(definition::isInstance))
                .flatMap(event -> event.getOutgoing().stream())
                .map(SequenceFlow::getTarget)
                .filter(ServiceTask.class::isInstance)
                .map(FlowNode::getId)
                .toList();
    }

    @Test
    void elementsHaveBusinessIdsAndFlowNodesHaveNames() {
        BpmnModels.assertBusinessIdsAndNames(model);
    }

    @Test
    void everyElementIsDrawn() {
        BpmnModels.assertEveryElementIsDrawn(model);
    }
}
