package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import java.time.Instant;

/** A reconnect message the customer was already sent (or that is queued for them). */
public record ContactRecord(String triggerKey, Channel channel, Instant contactedAt) {}
