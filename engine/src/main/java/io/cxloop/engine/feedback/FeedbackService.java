package io.cxloop.engine.feedback;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.PROCESS_KEY;
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

import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.web.InvalidFieldException;
import io.cxloop.engine.web.NotFoundException;
import io.cxloop.rules.feedback.FeedbackAnalysis;
import io.cxloop.rules.feedback.FeedbackAnalyzer;
import io.cxloop.rules.triage.TriageDecision;
import io.cxloop.rules.triage.TriageEngine;
import io.cxloop.rules.triage.TriageRequest;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes feedback in: analyses it (NPS class, sentiment, topics), triages it with the rules, stores both and starts
 * {@code feedback-closed-loop} (business key: the feedback id), all in one transaction, so a feedback is either fully
 * taken in or not at all.
 */
@Service
public class FeedbackService {

    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);

    private final FeedbackRepository feedback;
    private final CustomerRepository customers;
    private final FeedbackAnalyzer analyzer;
    private final TriageEngine triage;
    private final RuntimeService runtime;
    private final FeedbackProperties properties;
    private final Clock clock;

    public FeedbackService(
            FeedbackRepository feedback,
            CustomerRepository customers,
            FeedbackAnalyzer analyzer,
            TriageEngine triage,
            RuntimeService runtime,
            FeedbackProperties properties,
            Clock clock) {
        this.feedback = feedback;
        this.customers = customers;
        this.analyzer = analyzer;
        this.triage = triage;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public FeedbackReceipt accept(FeedbackRequest request) {
        if (!request.scoreType().accepts(request.score())) {
            throw new InvalidFieldException(
                    "score",
                    "must be between " + request.scoreType().min() + " and "
                            + request.scoreType().max() + " for " + request.scoreType());
        }
        // serialises the feedback of one customer; an unknown customer is the sender's mistake (create them first
        // with PUT /api/customers/{id}, prospects included)
        if (!customers.lockForUpdate(request.customerId())) {
            throw new InvalidFieldException("customerId", "unknown customer " + request.customerId());
        }
        var known = feedback.find(request.feedbackId());
        if (known.isPresent()) {
            if (!known.get().customerId().equals(request.customerId())) {
                throw new InvalidFieldException("feedbackId", "was already used for feedback of another customer");
            }
            log.info("Ignoring duplicate feedback {}", request.feedbackId());
            return known.get().toReceipt().asDuplicate();
        }
        Customer customer = customers.find(request.customerId()).orElseThrow();
        String language = request.language() == null ? customer.language() : request.language();
        FeedbackAnalysis analysis = analyzer.analyze(request.scoreType(), request.score(), request.comment(), language);
        TriageDecision decision = triage.triage(new TriageRequest(
                analysis.npsClass(), analysis.topics(), customer.valueSegment(), request.touchpoint()));
        Instant now = clock.instant();
        Feedback stored = new Feedback(
                request.feedbackId(),
                customer.customerId(),
                request.touchpoint().name(),
                request.channel() == null ? null : request.channel().name(),
                request.journeyStage() == null ? null : request.journeyStage().name(),
                request.scoreType(),
                request.score(),
                request.comment(),
                language,
                request.occurredAt(),
                now,
                request.transactionRef(),
                analysis.npsClass(),
                analysis.sentiment(),
                analysis.sentimentScore(),
                analysis.topics(),
                decision.severity(),
                decision.team(),
                decision.slaHours(),
                decision.action(),
                decision.firedRules(),
                decision.ruleSetVersion(),
                null,
                null);
        feedback.insert(stored);
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                stored.feedbackId(),
                Variables.createVariables()
                        .putValue(VAR_FEEDBACK_ID, stored.feedbackId())
                        .putValue(VAR_CUSTOMER_ID, stored.customerId())
                        .putValue(VAR_SCORE_TYPE, stored.scoreType().name())
                        .putValue(VAR_SCORE, stored.score())
                        .putValue(VAR_NPS_CLASS, stored.npsClass().name())
                        .putValue(VAR_ACTION, decision.action().name())
                        .putValue(VAR_TEAM, decision.team())
                        .putValue(VAR_SEVERITY, decision.severity().name())
                        .putValue(VAR_SLA_HOURS, decision.slaHours())
                        .putValue(VAR_REASSIGN_AFTER, properties.reassignAfter().toString())
                        .putValue(
                                VAR_FOLLOW_UP_DELAY, properties.followUpDelay().toString())
                        .putValue(
                                VAR_SURVEY_ANSWER_TIMEOUT,
                                properties.surveyAnswerTimeout().toString())
                        .putValue(VAR_IMPROVEMENT_THRESHOLD, properties.improvementThreshold()));
        feedback.attachProcessInstance(stored.feedbackId(), instance.getId());
        log.info(
                "Feedback {} of customer {}: {} {} {} -> {} for team {} ({})",
                stored.feedbackId(),
                stored.customerId(),
                stored.scoreType(),
                stored.score(),
                stored.npsClass(),
                decision.action(),
                decision.team(),
                decision.ruleSetVersion());
        return feedback.find(stored.feedbackId()).orElseThrow().toReceipt();
    }

    @Transactional(readOnly = true)
    public Feedback get(String feedbackId) {
        return feedback.find(feedbackId).orElseThrow(() -> new NotFoundException("no feedback " + feedbackId));
    }
}
