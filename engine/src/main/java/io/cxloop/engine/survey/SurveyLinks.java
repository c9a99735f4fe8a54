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

    /** Stores a new survey for the customer (and the case it follows up, or null) in the caller's transaction. */
    public OpenedSurvey open(String customerId, String caseId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.validity());
        String surveyId = UUID.randomUUID().toString();
        surveys.insert(new Survey(surveyId, customerId, caseId, now, expiresAt, null, null));
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        return new OpenedSurvey(surveyId, base + "/s/" + tokens.tokenFor(surveyId, expiresAt), expiresAt);
    }
}
