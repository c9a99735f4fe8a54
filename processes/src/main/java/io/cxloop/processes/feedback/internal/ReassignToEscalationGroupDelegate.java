package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.ESCALATION_GROUP;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.TASK_CONTACT_CUSTOMER;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CANDIDATE_GROUP;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;

import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * {@code Task_ReassignToEscalationGroup}: the still open contact task leaves its team (and its assignee, who did not
 * make it in time) and goes to the {@value io.cxloop.processes.feedback.FeedbackClosedLoop#ESCALATION_GROUP} group.
 */
public class ReassignToEscalationGroupDelegate implements JavaDelegate {

    private final FeedbackLoopPort port;

    public ReassignToEscalationGroupDelegate(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = Variables.string(execution, VAR_CASE_ID);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_CONTACT_CUSTOMER)
                .list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
                }
            }
            tasks.addCandidateGroup(task.getId(), ESCALATION_GROUP);
            if (task.getAssignee() != null) {
                tasks.setAssignee(task.getId(), null);
            }
        }
        execution.setVariable(VAR_CANDIDATE_GROUP, ESCALATION_GROUP);
        port.reassign(caseId, ESCALATION_GROUP);
    }
}
