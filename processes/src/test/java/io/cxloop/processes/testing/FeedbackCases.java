package io.cxloop.processes.testing;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_ACTION;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CUSTOMER_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_FEEDBACK_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_FOLLOW_UP_DELAY;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_IMPROVEMENT_THRESHOLD;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_NPS_CLASS;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_REASSIGN_AFTER;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_SCORE;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_SCORE_TYPE;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_SEVERITY;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_SLA_HOURS;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_SURVEY_ANSWER_TIMEOUT;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_TEAM;

import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Named start situations for {@code feedback-closed-loop}: triaged feedback as the engine starts it. */
public final class FeedbackCases {

    public static final String TEAM = "delivery-care";

    private FeedbackCases() {}

    /** An angry NPS 2 about a late delivery; the triage wants a call-back by the delivery team within 24 hours. */
    public static Map<String, Object> detractorToCallBack(String feedbackId) {
        return triaged(feedbackId, "NPS", 2, "DETRACTOR", "CALL_BACK")
                .putValue(VAR_TEAM, TEAM)
                .putValue(VAR_SEVERITY, "HIGH")
                .putValue(VAR_SLA_HOURS, 24);
    }

    /** A disappointed CSAT 2; the triage sends an apology and still opens a case for the team. */
    public static Map<String, Object> detractorToApologise(String feedbackId) {
        return triaged(feedbackId, "CSAT", 2, "DETRACTOR", "APOLOGY_EMAIL")
                .putValue(VAR_TEAM, TEAM)
                .putValue(VAR_SEVERITY, "MEDIUM")
                .putValue(VAR_SLA_HOURS, 48);
    }

    public static Map<String, Object> promoter(String feedbackId) {
        return triaged(feedbackId, "NPS", 10, "PROMOTER", "REVIEW_INVITE");
    }

    public static Map<String, Object> passive(String feedbackId) {
        return triaged(feedbackId, "NPS", 8, "PASSIVE", "THANK_YOU");
    }

    /** Triage decided that nothing is to be done. */
    public static Map<String, Object> noReaction(String feedbackId) {
        return triaged(feedbackId, "CES", 4, "PASSIVE", "NONE");
    }

    private static VariableMap triaged(String feedbackId, String scoreType, int score, String npsClass, String action) {
        return Variables.createVariables()
                .putValue(VAR_FEEDBACK_ID, feedbackId)
                .putValue(VAR_CUSTOMER_ID, "customer-42")
                .putValue(VAR_SCORE_TYPE, scoreType)
                .putValue(VAR_SCORE, score)
                .putValue(VAR_NPS_CLASS, npsClass)
                .putValue(VAR_ACTION, action)
                .putValue(VAR_REASSIGN_AFTER, "PT24H")
                .putValue(VAR_FOLLOW_UP_DELAY, "P3D")
                .putValue(VAR_SURVEY_ANSWER_TIMEOUT, "P14D")
                .putValue(VAR_IMPROVEMENT_THRESHOLD, 3);
    }
}
