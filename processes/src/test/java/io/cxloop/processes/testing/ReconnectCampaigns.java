package io.cxloop.processes.testing;

import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_CAMPAIGN_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DELAY;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_GOAL_EVENT_TYPE;

import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;

/** Named start situations for {@code journey-reconnect}. */
public final class ReconnectCampaigns {

    public static final String PURCHASE_COMPLETED = "PURCHASE_COMPLETED";

    private ReconnectCampaigns() {}

    /** The business key the engine gives a campaign of the {@code cart-abandoned} trigger for the customer. */
    public static String businessKey(String customerId) {
        return customerId + ":cart-abandoned";
    }

    /**
     * A customer left a full cart; the marketer's trigger waits a day for the purchase. Customer and trigger are the
     * campaign's (its row in the engine), not process variables.
     */
    public static Map<String, Object> cartAbandoned(String campaignId) {
        return Variables.createVariables()
                .putValue(VAR_CAMPAIGN_ID, campaignId)
                .putValue(VAR_DELAY, "PT24H")
                .putValue(VAR_GOAL_EVENT_TYPE, PURCHASE_COMPLETED);
    }
}
