package io.cxloop.processes.feedback.internal;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_OUTCOME;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_ROOT_CAUSE;

import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.util.Objects;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Listens on {@code Task_ContactCustomer}, so that Camunda Tasklist, {@code /engine-rest} and cxloop's case API all
 * keep the case up to date the same way: a claim assigns the case; completing the task needs an outcome and a
 * root-cause code and records the contact.
 */
public class ContactTaskListener implements TaskListener {

    private final FeedbackLoopPort port;

    public ContactTaskListener(FeedbackLoopPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void notify(DelegateTask task) {
        String caseId = Variables.string(task, VAR_CASE_ID);
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> port.assign(caseId, task.getAssignee());
            case EVENTNAME_COMPLETE ->
                port.recordContact(
                        caseId, task.getAssignee(), required(task, VAR_OUTCOME), required(task, VAR_ROOT_CAUSE));
            default -> {
                // only assignment and complete are registered in the model
            }
        }
    }

    private static String required(DelegateTask task, String name) {
        String value = Variables.optionalString(task, name);
        if (value == null) {
            // Camunda's REST API answers 400 with this message
            throw new BadUserRequestException(
                    "Completing " + task.getTaskDefinitionKey() + " needs the variable '" + name + "'");
        }
        return value;
    }
}
