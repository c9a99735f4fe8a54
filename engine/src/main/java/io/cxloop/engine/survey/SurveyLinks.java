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
        return open(customerId, caseId, null, null, channel, null);
    }

    /** Stores a survey about a touchpoint (after a journey event) in the caller's transaction. */
    public OpenedSurvey about(
            String customerId, String touchpoint, String journeyStage, String channel, String transactionRef) {
        return open(customerId, null, touchpoint, journeyStage, channel, transactionRef);
    }

    private OpenedSurvey open(
            String customerId,
            String caseId,
            String touchpoint,
            String journeyStage,
            String channel,
            String transactionRef) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.validity());
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
