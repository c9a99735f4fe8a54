package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import java.time.Instant;

/**
 * A message the customer was already sent, or that is queued for them, by any process.
 *
 * @param triggerKey the reconnect trigger that caused it; null for a message of another process
 * @param marketing whether it counts against the marketing caps (service messages do not); null counts as marketing
 */
public record ContactRecord(String triggerKey, Channel channel, Instant contactedAt, Boolean marketing) {

    public ContactRecord {
        marketing = marketing == null ? Boolean.TRUE : marketing;
    }

    /** A marketing message. */
    public ContactRecord(String triggerKey, Channel channel, Instant contactedAt) {
        this(triggerKey, channel, contactedAt, true);
    }
}
