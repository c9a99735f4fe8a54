package io.cxloop.processes.feedback;

/** Names shared between the {@code feedback-closed-loop} BPMN process and the code that starts and drives it. */
public final class FeedbackClosedLoop {

    public static final String PROCESS_KEY = "feedback-closed-loop";

    /** Classpath location of the BPMN model; also listed in {@link io.cxloop.processes.ProcessResources#BPMN}. */
    public static final String BPMN_RESOURCE = "bpmn/feedback-closed-loop.bpmn";

    /** The agent's task: contact the customer, then complete with {@link #VAR_OUTCOME} and {@link #VAR_ROOT_CAUSE}. */
    public static final String TASK_CONTACT_CUSTOMER = "Task_ContactCustomer";

    /** Candidate group that takes over cases whose SLA is long overdue or whose follow-up showed no improvement. */
    public static final String ESCALATION_GROUP = "escalation";

    /**
     * Correlated when the customer answers the follow-up survey, matched by {@link #VAR_CASE_ID}; sets {@link
     * #VAR_FOLLOW_UP_SCORE} and {@link #VAR_FOLLOW_UP_NPS_CLASS}.
     */
    public static final String MESSAGE_SURVEY_ANSWERED = "Message_SurveyAnswered";

    /**
     * Correlated when the call center reports the outcome of the case's call-back, matched by {@link #VAR_MESSAGE_ID};
     * sets {@code callOutcome} (and {@code callNote}).
     */
    public static final String MESSAGE_CALL_OUTCOME = "Message_CallOutcome";

    // process variables set by the starter (from the feedback's triage and the engine's configuration)
    public static final String VAR_FEEDBACK_ID = "feedbackId";
    public static final String VAR_CUSTOMER_ID = "customerId";
    /** {@code NPS}, {@code CSAT} or {@code CES}. */
    public static final String VAR_SCORE_TYPE = "scoreType";

    public static final String VAR_SCORE = "score";
    /** {@code DETRACTOR}, {@code PASSIVE} or {@code PROMOTER}. */
    public static final String VAR_NPS_CLASS = "npsClass";
    /** The triage's action: {@code CALL_BACK}, {@code APOLOGY_EMAIL}, {@code REVIEW_INVITE}, {@code THANK_YOU}, {@code NONE}. */
    public static final String VAR_ACTION = "action";

    public static final String VAR_TEAM = "team";
    public static final String VAR_SEVERITY = "severity";
    public static final String VAR_SLA_HOURS = "slaHours";
    /** ISO-8601 duration after the SLA due time at which the escalation group takes the task over, e.g. {@code PT24H}. */
    public static final String VAR_REASSIGN_AFTER = "reassignAfter";
    /** ISO-8601 duration between the agent's contact and the follow-up survey, e.g. {@code P3D}. */
    public static final String VAR_FOLLOW_UP_DELAY = "followUpDelay";
    /** ISO-8601 duration the follow-up survey waits for an answer, e.g. {@code P14D}. */
    public static final String VAR_SURVEY_ANSWER_TIMEOUT = "surveyAnswerTimeout";
    /** How many NPS points the follow-up must gain over an NPS detractor's score to count as improved. */
    public static final String VAR_IMPROVEMENT_THRESHOLD = "improvementThreshold";

    // process variables set by the delegates and listeners
    public static final String VAR_CASE_ID = "caseId";
    /** {@link java.util.Date}: when the case's SLA is due (timer date). */
    public static final String VAR_SLA_DUE_AT = "slaDueAt";
    /** {@link java.util.Date}: when the escalation group takes the task over (timer date). */
    public static final String VAR_REASSIGN_AT = "reassignAt";
    /** The candidate group of {@link #TASK_CONTACT_CUSTOMER}: the team, later {@link #ESCALATION_GROUP}. */
    public static final String VAR_CANDIDATE_GROUP = "candidateGroup";
    /** The call-back message in the outbox (matched by the call outcome). */
    public static final String VAR_MESSAGE_ID = "messageId";
    /** The customer message (review invitation, thank-you, apology) in the outbox, or null when policy forbade it. */
    public static final String VAR_CUSTOMER_MESSAGE_ID = "customerMessageId";

    public static final String VAR_SURVEY_ID = "surveyId";
    /** Set when the agent completes {@link #TASK_CONTACT_CUSTOMER}. */
    public static final String VAR_OUTCOME = "outcome";
    /** Set when the agent completes {@link #TASK_CONTACT_CUSTOMER}: a root-cause code such as {@code LATE_DELIVERY}. */
    public static final String VAR_ROOT_CAUSE = "rootCause";

    public static final String VAR_FOLLOW_UP_SCORE = "followUpScore";
    public static final String VAR_FOLLOW_UP_NPS_CLASS = "followUpNpsClass";
    /** True once the case was reopened after a follow-up without improvement; it is reopened only once. */
    public static final String VAR_REOPENED = "reopened";

    public static final String VAR_CALL_OUTCOME = "callOutcome";

    private FeedbackClosedLoop() {}
}
