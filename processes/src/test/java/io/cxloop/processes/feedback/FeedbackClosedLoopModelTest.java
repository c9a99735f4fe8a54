package io.cxloop.processes.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.processes.testing.BpmnModels;
import io.cxloop.processes.testing.RecordingFeedbackPort;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/** Checks the model file itself: what the engine wires, what Modeler and Cockpit draw, what analysts read. */
class FeedbackClosedLoopModelTest {

    private final BpmnModelInstance model = BpmnModels.read(FeedbackClosedLoop.BPMN_RESOURCE);

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
        BpmnModels.assertBusinessIdsAndNames(model);
    }

    @Test
    void everyElementIsDrawn() {
        BpmnModels.assertEveryElementIsDrawn(model);
    }
}
