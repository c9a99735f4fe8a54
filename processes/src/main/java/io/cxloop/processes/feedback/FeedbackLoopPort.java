package io.cxloop.processes.feedback;

import java.time.Instant;
import java.util.Optional;

/**
 * What the {@code feedback-closed-loop} process needs from the application. The engine implements it with its case
 * and feedback repositories, the message templates and the outbox; every call runs in the process engine's
 * transaction, so a step's rows commit together with the process state or not at all.
 */
public interface FeedbackLoopPort {

    /** Opens the case for a detractor's feedback (team, severity and SLA from its triage). */
    OpenedCase openCase(String feedbackId);

    /**
     * Puts a call-back request for the case's customer on the call queue, with a priority by severity.
     *
     * @return the outbox message's id, or null when the customer cannot be called (no number, no consent)
     */
    String queueCallBack(String caseId);

    /**
     * Writes a message to the customer into the outbox if the contact policy allows it (consent for the channel).
     *
     * @param caseId the case it belongs to, or null for a promoter's or passive's feedback
     * @return the outbox message's id, or empty when the policy forbids contacting the customer
     */
    Optional<String> sendCustomerMessage(String feedbackId, String caseId, CustomerMessage message);

    /** The SLA passed with the task still open: flags the case as breached and notifies the team lead. */
    void escalateSlaBreach(String caseId);

    /** The task went to another candidate group. */
    void reassign(String caseId, String candidateGroup);

    /** An agent claimed the case's task (or gave it back: {@code assignee} null). */
    void assign(String caseId, String assignee);

    /** The call center reported the outcome of the case's call-back. */
    void recordCallOutcome(String caseId, String callOutcome);

    /** The agent completed the task: the customer was contacted. */
    void recordContact(String caseId, String agent, String outcome, String rootCause);

    /** Writes the follow-up survey invitation (with its answer link) into the outbox; returns the survey's id. */
    String sendFollowUpSurvey(String caseId);

    /** The follow-up showed no improvement: the case is worked again, by the escalation group, with a new SLA. */
    Instant reopenCase(String caseId);

    /** Closes the case. */
    void closeCase(String caseId, CaseResolution resolution);

    /** A newly opened case and when its SLA is due. */
    record OpenedCase(String caseId, Instant slaDueAt) {}
}
