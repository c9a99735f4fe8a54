package io.cxloop.engine.campaign;

import io.cxloop.processes.reconnect.CampaignOutcome;
import java.time.Instant;

/** One run of a reconnect trigger for one customer. {@code outcome} is null while it runs. */
public record Campaign(
        String campaignId,
        String customerId,
        String triggerKey,
        int triggerVersion,
        String eventId,
        String processInstanceId,
        Instant startedAt,
        CampaignOutcome outcome,
        Instant endedAt) {}
