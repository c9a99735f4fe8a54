package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import java.time.Duration;
import java.util.List;

/**
 * The reconnect trigger (a marketer's configuration) on whose behalf a decision is made.
 *
 * @param channels channels in the marketer's order of preference
 * @param reEntry at most one reconnect message per customer within this window
 * @param offer the trigger's own offer; null when the trigger offers only catalogue offers
 */
public record ReconnectContext(String triggerKey, List<Channel> channels, Duration reEntry, Offer offer) {

    public ReconnectContext {
        channels = List.copyOf(channels);
    }
}
