package io.cxloop.processes.testing;

import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_CAMPAIGN_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_CUSTOMER_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DELAY;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_GOAL_EVENT_TYPE;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_TRIGGER_KEY;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_TRIGGER_VERSION;

import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;

/** Named start situations for {@code journey-reconnect}. */
public final class ReconnectCampaigns {

    public static final String PURCHASE_COMPLETED = "PURCHASE_COMPLETED";

    private ReconnectCampaigns() {}

    /** A customer left a full cart; the marketer's trigger waits a day for the purchase. */
    public static Map<String, Object> cartAbandonedBy(String customerId, String campaignId) {
        return Variables.createVariables()
                .putValue(VAR_CAMPAIGN_ID, campaignId)
                .putValue(VAR_CUSTOMER_ID, customerId)
                .putValue(VAR_TRIGGER_KEY, "cart-abandoned")
                .putValue(VAR_TRIGGER_VERSION, 3)
                .putValue(VAR_DELAY, "PT24H")
                .putValue(VAR_GOAL_EVENT_TYPE, PURCHASE_COMPLETED);
    }
}
