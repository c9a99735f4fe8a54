package io.cxloop.processes.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.processes.ProcessResources;
import io.cxloop.processes.testing.BpmnModels;
import io.cxloop.processes.testing.RecordingCampaignPort;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
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
    void serviceTasksStartInTheirOwnTransaction() {
        assertThat(model.getModelElementsByType(ServiceTask.class))
                .hasSize(8)
                .allSatisfy(task ->
                        assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue());
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
