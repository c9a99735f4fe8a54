package io.cxloop.engine.campaign;

import io.cxloop.processes.reconnect.CampaignOutcome;
import java.time.Instant;

/**
 * One run of a reconnect trigger for one customer. {@code outcome} is null while it runs.
 *
 * @param holdoutGroup {@code TREATED} or {@code CONTROL} once the rules chose to contact the customer; null before,
 *     and when they chose no action
 */
public record Campaign(
        String campaignId,
        String customerId,
        String triggerKey,
        int triggerVersion,
        String eventId,
        String processInstanceId,
        Instant startedAt,
        CampaignOutcome outcome,
        Instant endedAt,
        String holdoutGroup) {}
