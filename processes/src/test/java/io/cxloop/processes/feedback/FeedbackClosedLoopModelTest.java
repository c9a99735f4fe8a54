package io.cxloop.processes.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.processes.testing.RecordingFeedbackPort;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/** Checks the model file itself: what the engine wires, what Modeler and Cockpit draw, what analysts read. */
class FeedbackClosedLoopModelTest {

    private final BpmnModelInstance model = read();

    @Test
    void processIsExecutableWithHistoryTimeToLive() {
        Process process = model.getModelElementById(FeedbackClosedLoop.PROCESS_KEY);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    @Test
    void everyDelegateExpressionResolvesToABean() {
        Map<String, Object> beans = FeedbackClosedLoopDelegates.beans(new RecordingFeedbackPort());
        Set<String> expressions = Stream.concat(
                        model.getModelElementsByType(ServiceTask.class).stream()
                                .map(ServiceTask::getCamundaDelegateExpression),
                        model.getModelElementsByType(CamundaTaskListener.class).stream()
                                .map(CamundaTaskListener::getCamundaDelegateExpression))
                .collect(Collectors.toSet());
        assertThat(expressions)
                .containsExactlyInAnyOrderElementsOf(
                        beans.keySet().stream().map(name -> "${" + name + "}").toList());
    }

    @Test
    void serviceTasksStartInTheirOwnTransaction() {
        assertThat(model.getModelElementsByType(ServiceTask.class))
                .allSatisfy(task ->
                        assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue());
    }

    @Test
    void theAgentsTaskIsTheOneUserTask() {
        assertThat(model.getModelElementsByType(UserTask.class)).singleElement().satisfies(task -> {
            assertThat(task.getId()).isEqualTo(FeedbackClosedLoop.TASK_CONTACT_CUSTOMER);
            assertThat(task.getCamundaCandidateGroups()).isEqualTo("${candidateGroup}");
        });
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
        assertThat(drawn)
                .containsExactlyInAnyOrderElementsOf(model.getModelElementsByType(FlowNode.class).stream()
                        .map(BaseElement::getId)
                        .toList());
        assertThat(drawnFlows)
                .containsExactlyInAnyOrderElementsOf(model.getModelElementsByType(SequenceFlow.class).stream()
                        .map(BaseElement::getId)
                        .toList());
    }

    private static BpmnModelInstance read() {
        try (InputStream in = FeedbackClosedLoopModelTest.class
                .getClassLoader()
                .getResourceAsStream(FeedbackClosedLoop.BPMN_RESOURCE)) {
            BpmnModelInstance instance = Bpmn.readModelFromStream(in);
            Bpmn.validateModel(instance);
            return instance;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
