package io.cxloop.processes.feedback;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.ESCALATION_GROUP;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.MESSAGE_CALL_OUTCOME;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.MESSAGE_SURVEY_ANSWERED;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.PROCESS_KEY;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.TASK_CONTACT_CUSTOMER;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CALL_OUTCOME;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CUSTOMER_MESSAGE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_FOLLOW_UP_NPS_CLASS;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_FOLLOW_UP_SCORE;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_MESSAGE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_OUTCOME;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_REOPENED;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_ROOT_CAUSE;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_SURVEY_ID;
import static io.cxloop.processes.testing.FeedbackCases.TEAM;
import static io.cxloop.processes.testing.FeedbackCases.detractorToApologise;
import static io.cxloop.processes.testing.FeedbackCases.detractorToCallBack;
import static io.cxloop.processes.testing.FeedbackCases.noReaction;
import static io.cxloop.processes.testing.FeedbackCases.passive;
import static io.cxloop.processes.testing.FeedbackCases.promoter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import io.cxloop.processes.testing.RecordingFeedbackPort;
import io.cxloop.processes.testing.TestProcessEngineConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per path through {@code feedback-closed-loop}; timers and async steps run by executing their jobs. */
@Deployment(resources = FeedbackClosedLoop.BPMN_RESOURCE)
class FeedbackClosedLoopProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private RecordingFeedbackPort cases;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        cases = TestProcessEngineConfiguration.feedbackPortOf(engine.getProcessEngine());
        cases.reset();
    }

    @Test
    void detractorIsCalledBackAndABetterFollowUpClosesTheLoop() {
        ProcessInstance loop = start("feedback-1", detractorToCallBack("feedback-1"));
        execute(job("Task_OpenCase", loop));
        execute(job("Task_QueueCallBack", loop));

        assertThat(loop).isWaitingAt(TASK_CONTACT_CUSTOMER).variables().containsEntry(VAR_CASE_ID, "case-1");
        assertThat(loop).variables().containsEntry(VAR_MESSAGE_ID, "message-1");
        Task contact = task(loop);
        assertThat(contact).hasCandidateGroup(TEAM).isNotAssigned();
        assertThat(contact.getDueDate()).isEqualTo(Date.from(RecordingFeedbackPort.SLA_DUE_AT));
        assertThat(job("Event_SlaMissed", loop).getDuedate()).isEqualTo(Date.from(RecordingFeedbackPort.SLA_DUE_AT));
        assertThat(job("Event_ReassignDue", loop).getDuedate())
                .isEqualTo(Date.from(RecordingFeedbackPort.SLA_DUE_AT.plus(Duration.ofHours(24))));

        taskService().claim(contact.getId(), "anna");
        assertThat(callOutcome("message-1", "REACHED")).hasSize(1);
        execute(job("Task_RecordCallOutcome", loop));
        assertThat(loop).isWaitingAt(TASK_CONTACT_CUSTOMER);

        complete(loop, "RESOLVED", "LATE_DELIVERY");
        assertThat(loop).isWaitingAt("Event_FollowUpDue");
        assertThat(job("Event_FollowUpDue", loop).getDuedate())
                .isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(3))), 60_000);
        execute(job("Event_FollowUpDue", loop));
        execute(job("Task_SendFollowUpSurvey", loop));
        assertThat(loop)
                .isWaitingAt("Gateway_WaitForSurveyAnswer")
                .isWaitingFor(MESSAGE_SURVEY_ANSWERED)
                .variables()
                .containsEntry(VAR_SURVEY_ID, "survey-2");
        assertThat(job("Event_SurveyUnanswered", loop).getDuedate())
                .isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(14))), 60_000);

        assertThat(surveyAnswered("case-1", 9, "PROMOTER")).hasSize(1);
        execute(job("Task_CloseLoop", loop));

        assertThat(loop)
                .hasPassedInOrder(
                        "Task_OpenCase",
                        "Task_QueueCallBack",
                        TASK_CONTACT_CUSTOMER,
                        "Event_FollowUpDue",
                        "Task_SendFollowUpSurvey",
                        "Event_SurveyAnswered",
                        "Task_CloseLoop",
                        "EndEvent_LoopClosed")
                .hasPassed("Event_CallOutcomeReported", "Task_RecordCallOutcome")
                .hasNotPassed("Event_SlaMissed", "Event_ReassignDue", "Task_ReopenCase")
                .isEnded();
        assertThat(cases.calls())
                .containsExactly(
                        "openCase feedback-1",
                        "queueCallBack case-1",
                        "assign case-1 anna",
                        "recordCallOutcome case-1 REACHED",
                        "recordContact case-1 anna RESOLVED LATE_DELIVERY",
                        "sendFollowUpSurvey case-1",
                        "closeCase case-1 LOOP_CLOSED");
    }

    @Test
    void missedSlaTellsTheTeamLeadAndLaterHandsTheTaskToTheEscalationGroup() {
        ProcessInstance loop = startAndWaitForContact("feedback-1", detractorToCallBack("feedback-1"));
        taskService().claim(task(loop).getId(), "anna");

        execute(job("Event_SlaMissed", loop));
        execute(job("Task_EscalateSlaBreach", loop));
        assertThat(loop).hasPassed("EndEvent_SlaEscalated").isWaitingAt(TASK_CONTACT_CUSTOMER);
        assertThat(task(loop)).isAssignedTo("anna");
        assertThat(candidateGroupsOf(task(loop))).containsExactly(TEAM);

        execute(job("Event_ReassignDue", loop));
        execute(job("Task_ReassignToEscalationGroup", loop));
        assertThat(loop).hasPassed("EndEvent_Reassigned").isWaitingAt(TASK_CONTACT_CUSTOMER);
        assertThat(task(loop)).hasCandidateGroup(ESCALATION_GROUP).isNotAssigned();
        assertThat(taskService()
                        .createTaskQuery()
                        .taskCandidateGroup(TEAM)
                        .processInstanceId(loop.getId())
                        .list())
                .as("the team no longer sees the task")
                .isEmpty();

        taskService().claim(task(loop).getId(), "erik");
        complete(loop, "COMPENSATED", "LATE_DELIVERY");
        assertThat(loop).isWaitingAt("Event_FollowUpDue");
        assertThat(cases.calls())
                .containsExactly(
                        "openCase feedback-1",
                        "queueCallBack case-1",
                        "assign case-1 anna",
                        "escalateSlaBreach case-1",
                        "assign case-1 null",
                        "reassign case-1 escalation",
                        "assign case-1 erik",
                        "recordContact case-1 erik COMPENSATED LATE_DELIVERY");
    }

    @Test
    void followUpWithoutImprovementReopensTheCaseOnceAndThenClosesIt() {
        ProcessInstance loop = startAndWaitForContact("feedback-1", detractorToCallBack("feedback-1"));
        complete(loop, "EXPLAINED", "PRICE");
        answerFollowUp(loop, 3, "DETRACTOR");

        execute(job("Task_ReopenCase", loop));
        assertThat(loop).variables().containsEntry(VAR_REOPENED, true);
        execute(job("Task_QueueCallBack", loop));
        assertThat(loop).isWaitingAt(TASK_CONTACT_CUSTOMER).variables().containsEntry(VAR_MESSAGE_ID, "message-3");
        Task again = task(loop);
        assertThat(again).hasCandidateGroup(ESCALATION_GROUP);
        assertThat(again.getDueDate()).isEqualTo(Date.from(RecordingFeedbackPort.REOPENED_SLA_DUE_AT));
        assertThat(job("Event_SlaMissed", loop).getDuedate())
                .isEqualTo(Date.from(RecordingFeedbackPort.REOPENED_SLA_DUE_AT));

        complete(loop, "REFUNDED", "PRICE");
        answerFollowUp(loop, 4, "DETRACTOR");
        execute(job("Task_CloseNotImproved", loop));

        assertThat(loop)
                .hasPassed("Task_ReopenCase", "Gateway_AlreadyReopened", "EndEvent_ClosedNotImproved")
                .hasNotPassed("Task_CloseLoop")
                .isEnded();
        assertThat(cases.calls())
                .containsSubsequence(
                        "reopenCase case-1",
                        "queueCallBack case-1",
                        "recordContact case-1 null REFUNDED PRICE",
                        "sendFollowUpSurvey case-1",
                        "closeCase case-1 NOT_IMPROVED")
                .filteredOn(call -> call.startsWith("reopenCase"))
                .hasSize(1);
    }

    @Test
    void npsDetractorWhoGainsEnoughPointsCountsAsImproved() {
        ProcessInstance loop = startAndWaitForContact("feedback-1", detractorToCallBack("feedback-1"));
        complete(loop, "RESOLVED", "LATE_DELIVERY");

        // 2 before, 5 now: still a detractor, but three points better (improvementThreshold)
        answerFollowUp(loop, 5, "DETRACTOR");
        execute(job("Task_CloseLoop", loop));

        assertThat(loop)
                .hasPassed("EndEvent_LoopClosed")
                .hasNotPassed("Task_ReopenCase")
                .isEnded();
    }

    @Test
    void unansweredFollowUpClosesTheCaseAsUnconfirmed() {
        ProcessInstance loop = startAndWaitForContact("feedback-1", detractorToCallBack("feedback-1"));
        complete(loop, "RESOLVED", "LATE_DELIVERY");
        execute(job("Event_FollowUpDue", loop));
        execute(job("Task_SendFollowUpSurvey", loop));

        execute(job("Event_SurveyUnanswered", loop));
        assertThat(surveyAnswered("case-1", 10, "PROMOTER"))
                .as("a late answer finds nobody waiting")
                .isEmpty();
        execute(job("Task_CloseUnconfirmed", loop));

        assertThat(loop)
                .hasPassedInOrder("Event_SurveyUnanswered", "Task_CloseUnconfirmed", "EndEvent_ClosedUnconfirmed")
                .hasNotPassed("Event_SurveyAnswered")
                .isEnded();
        assertThat(cases.calls()).endsWith("closeCase case-1 UNCONFIRMED");
    }

    @Test
    void detractorToApologiseGetsTheApologyAndACaseWithoutCallBack() {
        ProcessInstance loop = start("feedback-2", detractorToApologise("feedback-2"));
        execute(job("Task_OpenCase", loop));
        execute(job("Task_SendApologyEmail", loop));

        assertThat(loop)
                .isWaitingAt(TASK_CONTACT_CUSTOMER)
                .hasNotPassed("Task_QueueCallBack")
                .variables()
                .containsEntry(VAR_CUSTOMER_MESSAGE_ID, "message-1")
                .doesNotContainKey(VAR_MESSAGE_ID);
        assertThat(cases.calls())
                .containsExactly("openCase feedback-2", "sendCustomerMessage feedback-2 case-1 APOLOGY");
    }

    @Test
    void completingTheContactNeedsARootCause() {
        ProcessInstance loop = startAndWaitForContact("feedback-1", detractorToCallBack("feedback-1"));
        Task contact = task(loop);

        assertThatThrownBy(() -> taskService().complete(contact.getId(), Map.of(VAR_OUTCOME, "RESOLVED")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining(VAR_ROOT_CAUSE);

        assertThat(loop).isWaitingAt(TASK_CONTACT_CUSTOMER);
        assertThat(cases.calls()).noneMatch(call -> call.startsWith("recordContact"));
    }

    @Test
    void promoterIsInvitedToWriteAReview() {
        ProcessInstance loop = start("feedback-3", promoter("feedback-3"));
        execute(job("Task_SendReviewInvitation", loop));

        assertThat(loop)
                .hasPassed("EndEvent_ReviewInvited")
                .hasNotPassed("Task_OpenCase")
                .isEnded()
                .variables()
                .containsEntry(VAR_CUSTOMER_MESSAGE_ID, "message-1");
        assertThat(cases.calls()).containsExactly("sendCustomerMessage feedback-3 null REVIEW_INVITATION");
    }

    @Test
    void promoterWhomThePolicyForbidsToContactGetsNoInvitation() {
        cases.contactPolicyForbids();
        ProcessInstance loop = start("feedback-3", promoter("feedback-3"));
        execute(job("Task_SendReviewInvitation", loop));

        assertThat(loop).hasPassed("EndEvent_ReviewInvited").isEnded();
        assertThat(engine.getProcessEngine()
                        .getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(loop.getId())
                        .variableName(VAR_CUSTOMER_MESSAGE_ID)
                        .singleResult()
                        .getValue())
                .isNull();
    }

    @Test
    void passiveIsThanked() {
        ProcessInstance loop = start("feedback-4", passive("feedback-4"));
        execute(job("Task_SendThankYou", loop));

        assertThat(loop)
                .hasPassed("Task_SendThankYou", "EndEvent_PassiveThanked")
                .isEnded();
        assertThat(cases.calls()).containsExactly("sendCustomerMessage feedback-4 null THANK_YOU");
    }

    @Test
    void feedbackThatNeedsNoReactionEndsAtOnce() {
        ProcessInstance loop = start("feedback-5", noReaction("feedback-5"));

        assertThat(loop).hasPassed("EndEvent_NoReaction").isEnded();
        assertThat(cases.calls()).isEmpty();
    }

    private static List<String> candidateGroupsOf(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private static ProcessInstance start(String feedbackId, Map<String, Object> variables) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, feedbackId, variables);
    }

    private static ProcessInstance startAndWaitForContact(String feedbackId, Map<String, Object> variables) {
        ProcessInstance loop = start(feedbackId, variables);
        execute(job("Task_OpenCase", loop));
        execute(job("Task_QueueCallBack", loop));
        assertThat(loop).isWaitingAt(TASK_CONTACT_CUSTOMER);
        return loop;
    }

    private static void complete(ProcessInstance loop, String outcome, String rootCause) {
        taskService().complete(task(loop).getId(), Map.of(VAR_OUTCOME, outcome, VAR_ROOT_CAUSE, rootCause));
    }

    private static void answerFollowUp(ProcessInstance loop, int score, String npsClass) {
        execute(job("Event_FollowUpDue", loop));
        execute(job("Task_SendFollowUpSurvey", loop));
        assertThat(surveyAnswered("case-1", score, npsClass)).hasSize(1);
    }

    /** Exactly how the survey page correlates an answer. */
    private static List<MessageCorrelationResult> surveyAnswered(String caseId, int score, String npsClass) {
        return runtimeService()
                .createMessageCorrelation(MESSAGE_SURVEY_ANSWERED)
                .processInstanceVariableEquals(VAR_CASE_ID, caseId)
                .setVariable(VAR_FOLLOW_UP_SCORE, score)
                .setVariable(VAR_FOLLOW_UP_NPS_CLASS, npsClass)
                .correlateAllWithResult();
    }

    /** Exactly how {@code POST /api/calls/{id}/outcome} correlates. */
    private static List<MessageCorrelationResult> callOutcome(String messageId, String outcome) {
        return runtimeService()
                .createMessageCorrelation(MESSAGE_CALL_OUTCOME)
                .processInstanceVariableEquals(VAR_MESSAGE_ID, messageId)
                .setVariable(VAR_CALL_OUTCOME, outcome)
                .correlateAllWithResult();
    }
}
