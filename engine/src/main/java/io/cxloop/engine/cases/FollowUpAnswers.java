package io.cxloop.engine.cases;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.MESSAGE_SURVEY_ANSWERED;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_CASE_ID;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_FOLLOW_UP_NPS_CLASS;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_FOLLOW_UP_SCORE;

import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.feedback.Feedback;
import io.cxloop.engine.feedback.FeedbackReceipt;
import io.cxloop.engine.feedback.FeedbackRepository;
import io.cxloop.engine.feedback.FeedbackRequest;
import io.cxloop.engine.feedback.FeedbackService;
import io.cxloop.engine.survey.Survey;
import io.cxloop.engine.survey.SurveyRepository;
import io.cxloop.engine.survey.SurveyTokens;
import io.cxloop.rules.feedback.FeedbackAnalysis;
import io.cxloop.rules.feedback.FeedbackAnalyzer;
import io.cxloop.rules.feedback.ScoreType;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.JourneyStage;
import io.cxloop.rules.model.Touchpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers to survey links, each survey once, in one transaction with what follows: the answer to a case's follow-up is
 * stored as feedback (NPS, with its analysis) that follows up the case, and the case's process learns the new score;
 * the answer to an invitation after a journey event is new feedback, taken in like {@code POST /api/feedback}.
 */
@Service
public class FollowUpAnswers {

    private static final Logger log = LoggerFactory.getLogger(FollowUpAnswers.class);

    /** What a survey link is good for now. */
    public enum State {
        /** Not a genuine link. */
        UNKNOWN,
        EXPIRED,
        ALREADY_ANSWERED,
        OPEN,
        /** This request recorded the answer. */
        RECORDED
    }

    /** The state of the link and, for a genuine one, whose survey it is. */
    public record Result(State state, Customer customer) {}

    private final SurveyTokens tokens;
    private final SurveyRepository surveys;
    private final FeedbackRepository feedback;
    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final FeedbackAnalyzer analyzer;
    private final FeedbackService intake;
    private final RuntimeService runtime;
    private final Clock clock;

    public FollowUpAnswers(
            SurveyTokens tokens,
            SurveyRepository surveys,
            FeedbackRepository feedback,
            CaseRepository cases,
            CustomerRepository customers,
            FeedbackAnalyzer analyzer,
            FeedbackService intake,
            RuntimeService runtime,
            Clock clock) {
        this.tokens = tokens;
        this.surveys = surveys;
        this.feedback = feedback;
        this.cases = cases;
        this.customers = customers;
        this.analyzer = analyzer;
        this.intake = intake;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Result look(String token) {
        return check(token, false);
    }

    /** Records an NPS answer (0–10) once; any later answer finds the survey answered. */
    @Transactional
    public Result answer(String token, int score, String comment) {
        Result checked = check(token, true);
        if (checked.state() != State.OPEN) {
            return checked;
        }
        Survey survey =
                surveys.find(tokens.verify(token).orElseThrow().surveyId()).orElseThrow();
        Customer customer = checked.customer();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        String feedbackId = "survey-" + survey.surveyId();
        if (survey.caseId() == null) {
            // an invitation after a journey event: new feedback like any other, triaged and answered by the loop
            FeedbackReceipt receipt = intake.accept(new FeedbackRequest(
                    feedbackId,
                    customer.customerId(),
                    Touchpoint.valueOf(survey.touchpoint()),
                    survey.channel() == null ? null : Channel.valueOf(survey.channel()),
                    survey.journeyStage() == null ? null : JourneyStage.valueOf(survey.journeyStage()),
                    ScoreType.NPS,
                    score,
                    text,
                    customer.language(),
                    clock.instant(),
                    survey.transactionRef()));
            surveys.answer(survey.surveyId(), receipt.feedbackId(), clock.instant());
            log.info("Survey {} answered with NPS {}: {}", survey.surveyId(), score, receipt.action());
            return new Result(State.RECORDED, customer);
        }
        recordFollowUp(survey, customer, feedbackId, score, text);
        return new Result(State.RECORDED, customer);
    }

    private void recordFollowUp(Survey survey, Customer customer, String feedbackId, int score, String text) {
        Instant now = clock.instant();
        FeedbackAnalysis analysis = analyzer.analyze(ScoreType.NPS, score, text, customer.language());
        String touchpoint = cases.find(survey.caseId())
                .flatMap(complaint -> feedback.find(complaint.feedbackId()))
                .map(Feedback::touchpoint)
                .orElse(Touchpoint.EMAIL.name());
        feedback.insert(new Feedback(
                feedbackId,
                customer.customerId(),
                touchpoint,
                survey.channel(),
                JourneyStage.SERVICE.name(),
                ScoreType.NPS,
                score,
                text,
                customer.language(),
                now,
                now,
                survey.caseId(),
                analysis.npsClass(),
                analysis.sentiment(),
                analysis.sentimentScore(),
                analysis.topics(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                survey.caseId()));
        surveys.answer(survey.surveyId(), feedbackId, now);
        cases.note(survey.caseId(), "FOLLOW_UP_ANSWERED", null, "NPS " + score + " (" + analysis.npsClass() + ")", now);
        int told = runtime.createMessageCorrelation(MESSAGE_SURVEY_ANSWERED)
                .processInstanceVariableEquals(VAR_CASE_ID, survey.caseId())
                .setVariable(VAR_FOLLOW_UP_SCORE, score)
                .setVariable(VAR_FOLLOW_UP_NPS_CLASS, analysis.npsClass().name())
                .correlateAllWithResult()
                .size();
        log.info(
                "Survey {} of case {} answered with NPS {} ({} process(es) told)",
                survey.surveyId(),
                survey.caseId(),
                score,
                told);
    }

    private Result check(String token, boolean lock) {
        var subject = tokens.verify(token);
        if (subject.isEmpty()) {
            return new Result(State.UNKNOWN, null);
        }
        Optional<Survey> survey = lock
                ? surveys.lock(subject.get().surveyId())
                : surveys.find(subject.get().surveyId());
        if (survey.isEmpty()) {
            return new Result(State.UNKNOWN, null);
        }
        Customer customer = customers.find(survey.get().customerId()).orElse(null);
        if (customer == null) {
            return new Result(State.UNKNOWN, null);
        }
        if (survey.get().answered()) {
            return new Result(State.ALREADY_ANSWERED, customer);
        }
        if (subject.get().expired() || !clock.instant().isBefore(survey.get().expiresAt())) {
            return new Result(State.EXPIRED, customer);
        }
        return new Result(State.OPEN, customer);
    }
}
