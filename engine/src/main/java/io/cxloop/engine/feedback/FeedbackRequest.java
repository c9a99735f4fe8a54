package io.cxloop.engine.feedback;

import io.cxloop.rules.feedback.ScoreType;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.JourneyStage;
import io.cxloop.rules.model.Touchpoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Body of {@code POST /api/feedback}: a customer's rating of a touchpoint.
 *
 * @param channel the channel the feedback came in on, if it came through one of ours
 * @param score within the score type's range: NPS 0–10, CSAT 1–5, CES 1–7
 * @param language of the comment; the customer's language when absent
 * @param transactionRef the order, ticket or call it is about
 */
public record FeedbackRequest(
        @NotBlank
                @Size(max = 100)
                @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may hold letters, digits and . _ : - only")
                String feedbackId,
        @NotBlank @Size(max = 64) String customerId,
        @NotNull Touchpoint touchpoint,
        Channel channel,
        JourneyStage journeyStage,
        @NotNull ScoreType scoreType,
        @NotNull Integer score,
        @Size(max = 5000) String comment,
        @Pattern(regexp = "de|en", message = "must be \"de\" or \"en\"") String language,
        @NotNull Instant occurredAt,
        @Size(max = 100) String transactionRef) {}
