package io.cxloop.processes.testing;

import io.cxloop.processes.feedback.CaseResolution;
import io.cxloop.processes.feedback.CustomerMessage;
import io.cxloop.processes.feedback.FeedbackLoopPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory case store for process tests: it opens numbered cases, queues numbered messages and records every
 * call as a line such as {@code "closeCase case-1 LOOP_CLOSED"}. Not transactional.
 */
public class RecordingFeedbackPort implements FeedbackLoopPort {

    public static final Instant SLA_DUE_AT = Instant.parse("2031-03-31T10:00:00Z");
    public static final Instant REOPENED_SLA_DUE_AT = Instant.parse("2031-04-20T10:00:00Z");

    private final List<String> calls = new ArrayList<>();
    private boolean contactAllowed = true;
    private int messages;

    public synchronized void reset() {
        calls.clear();
        contactAllowed = true;
        messages = 0;
    }

    /** The contact policy will forbid messages to the customer (e.g. no consent). */
    public synchronized RecordingFeedbackPort contactPolicyForbids() {
        contactAllowed = false;
        return this;
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized OpenedCase openCase(String feedbackId) {
        calls.add("openCase " + feedbackId);
        return new OpenedCase("case-1", SLA_DUE_AT);
    }

    @Override
    public synchronized String queueCallBack(String caseId) {
        calls.add("queueCallBack " + caseId);
        return "message-" + (++messages);
    }

    @Override
    public synchronized Optional<String> sendCustomerMessage(
            String feedbackId, String caseId, CustomerMessage message) {
        calls.add("sendCustomerMessage " + feedbackId + " " + caseId + " " + message);
        return contactAllowed ? Optional.of("message-" + (++messages)) : Optional.empty();
    }

    @Override
    public synchronized void escalateSlaBreach(String caseId) {
        calls.add("escalateSlaBreach " + caseId);
    }

    @Override
    public synchronized void reassign(String caseId, String candidateGroup) {
        calls.add("reassign " + caseId + " " + candidateGroup);
    }

    @Override
    public synchronized void assign(String caseId, String assignee) {
        calls.add("assign " + caseId + " " + assignee);
    }

    @Override
    public synchronized void recordCallOutcome(String caseId, String callOutcome) {
        calls.add("recordCallOutcome " + caseId + " " + callOutcome);
    }

    @Override
    public synchronized void recordContact(String caseId, String agent, String outcome, String rootCause) {
        calls.add("recordContact " + caseId + " " + agent + " " + outcome + " " + rootCause);
    }

    @Override
    public synchronized String sendFollowUpSurvey(String caseId) {
        calls.add("sendFollowUpSurvey " + caseId);
        return "survey-" + (++messages);
    }

    @Override
    public synchronized Instant reopenCase(String caseId) {
        calls.add("reopenCase " + caseId);
        return REOPENED_SLA_DUE_AT;
    }

    @Override
    public synchronized void closeCase(String caseId, CaseResolution resolution) {
        calls.add("closeCase " + caseId + " " + resolution);
    }
}
