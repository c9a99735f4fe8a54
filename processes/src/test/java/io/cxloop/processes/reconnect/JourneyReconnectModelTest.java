package io.cxloop.processes.reconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.processes.ProcessResources;
import io.cxloop.processes.testing.RecordingCampaignPort;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/** Checks the model file itself: what the engine wires, what Modeler and Cockpit draw, what analysts read. */
class JourneyReconnectModelTest {

    private final BpmnModelInstance model = read(JourneyReconnect.BPMN_RESOURCE);

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
                .hasSize(6)
                .allSatisfy(task ->
                        assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue());
    }

    @Test
    void elementsHaveBusinessIdsAndFlowNodesHaveNames() {
        Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
        assertThat(elements)
                .extracting(BaseElement::getId)
                .allMatch(id -> id.matches("(StartEvent|EndEvent|Event|Task|Gateway|Flow)_[A-Z][A-Za-z]+"));
        assertThat(model.getModelElementsByType(FlowNode.class))
                .allSatisfy(node -> assertThat(node.getName()).as(node.getId()).isNotBlank());
    }

    @Test
    void everyElementIsDrawn() {
        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId())
                .collect(Collectors.toSet());
        Set<String> drawnFlows = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId())
                .collect(Collectors.toSet());
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(ids(model.getModelElementsByType(FlowNode.class)));
        assertThat(drawnFlows)
                .containsExactlyInAnyOrderElementsOf(ids(model.getModelElementsByType(SequenceFlow.class)));
    }

    private static List<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).toList();
    }

    private static BpmnModelInstance read(String resource) {
        try (InputStream in = JourneyReconnectModelTest.class.getClassLoader().getResourceAsStream(resource)) {
            BpmnModelInstance instance = Bpmn.readModelFromStream(in);
            Bpmn.validateModel(instance);
            return instance;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
