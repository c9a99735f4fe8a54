package io.cxloop.processes.feedback;

import io.cxloop.processes.feedback.internal.CloseCaseDelegate;
import io.cxloop.processes.feedback.internal.ContactTaskListener;
import io.cxloop.processes.feedback.internal.EscalateSlaBreachDelegate;
import io.cxloop.processes.feedback.internal.OpenCaseDelegate;
import io.cxloop.processes.feedback.internal.QueueCallBackDelegate;
import io.cxloop.processes.feedback.internal.ReassignToEscalationGroupDelegate;
import io.cxloop.processes.feedback.internal.RecordCallOutcomeDelegate;
import io.cxloop.processes.feedback.internal.ReopenCaseDelegate;
import io.cxloop.processes.feedback.internal.SendCustomerMessageDelegate;
import io.cxloop.processes.feedback.internal.SendFollowUpSurveyDelegate;
import java.util.Map;

/**
 * The objects that the {@code feedback-closed-loop} model's delegate expressions resolve to; the engine merges this
 * map with the other processes' maps and hands it to {@code ProcessEngineConfigurationImpl.setBeans}.
 */
public final class FeedbackClosedLoopDelegates {

    public static final String OPEN_CASE = "openCase";
    public static final String QUEUE_CALL_BACK = "queueCallBack";
    public static final String SEND_CUSTOMER_MESSAGE = "sendCustomerMessage";
    public static final String ESCALATE_SLA_BREACH = "escalateSlaBreach";
    public static final String REASSIGN_TO_ESCALATION_GROUP = "reassignToEscalationGroup";
    public static final String RECORD_CALL_OUTCOME = "recordCallOutcome";
    public static final String SEND_FOLLOW_UP_SURVEY = "sendFollowUpSurvey";
    public static final String REOPEN_CASE = "reopenCase";
    public static final String CLOSE_CASE = "closeCase";
    /** Task listener of {@code Task_ContactCustomer} (assignment and complete). */
    public static final String CONTACT_TASK_LISTENER = "contactTaskListener";

    private FeedbackClosedLoopDelegates() {}

    /** Delegates keyed by the names used in the BPMN's delegate expressions; immutable. */
    public static Map<String, Object> beans(FeedbackLoopPort port) {
        return Map.of(
                OPEN_CASE, new OpenCaseDelegate(port),
                QUEUE_CALL_BACK, new QueueCallBackDelegate(port),
                SEND_CUSTOMER_MESSAGE, new SendCustomerMessageDelegate(port),
                ESCALATE_SLA_BREACH, new EscalateSlaBreachDelegate(port),
                REASSIGN_TO_ESCALATION_GROUP, new ReassignToEscalationGroupDelegate(port),
                RECORD_CALL_OUTCOME, new RecordCallOutcomeDelegate(port),
                SEND_FOLLOW_UP_SURVEY, new SendFollowUpSurveyDelegate(port),
                REOPEN_CASE, new ReopenCaseDelegate(port),
                CLOSE_CASE, new CloseCaseDelegate(port),
                CONTACT_TASK_LISTENER, new ContactTaskListener(port));
    }
}
