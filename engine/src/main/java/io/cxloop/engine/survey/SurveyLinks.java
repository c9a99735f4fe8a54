package io.cxloop.engine.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Opens surveys and makes their links, {@code {baseUrl}/s/{token}}. */
@Component
public class SurveyLinks {

    /** A survey just opened and the link that answers it. */
    public record OpenedSurvey(String surveyId, String url, Instant expiresAt) {}

    private final SurveyRepository surveys;
    private final SurveyTokens tokens;
    private final SurveyProperties properties;
    private final Clock clock;

    public SurveyLinks(SurveyRepository surveys, SurveyTokens tokens, SurveyProperties properties, Clock clock) {
        this.surveys = surveys;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores a follow-up survey of the case in the caller's transaction. */
    public OpenedSurvey followUp(String customerId, String caseId, String channel) {
        return open(customerId, caseId, null, null, channel, null, clock.instant());
    }

    /**
     * Stores a survey about a touchpoint (after a journey event) in the caller's transaction.
     *
     * @param sentAt when the invitation leaves (it may wait for a delay): the link's validity starts then
     */
    public OpenedSurvey about(
            String customerId,
            String touchpoint,
            String journeyStage,
            String channel,
            String transactionRef,
            Instant sentAt) {
        return open(customerId, null, touchpoint, journeyStage, channel, transactionRef, sentAt);
    }

    private OpenedSurvey open(
            String customerId,
            String caseId,
            String touchpoint,
            String journeyStage,
            String channel,
            String transactionRef,
            Instant sentAt) {
        Instant now = clock.instant();
        Instant expiresAt = (sentAt.isAfter(now) ? sentAt : now).plus(properties.validity());
        String surveyId = UUID.randomUUID().toString();
        surveys.insert(new Survey(
                surveyId,
                customerId,
                caseId,
                touchpoint,
                journeyStage,
                channel,
                transactionRef,
                now,
                expiresAt,
                null,
                null));
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        return new OpenedSurvey(surveyId, base + "/s/" + tokens.tokenFor(surveyId, expiresAt), expiresAt);
    }
}
