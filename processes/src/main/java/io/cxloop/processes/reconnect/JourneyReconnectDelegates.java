package io.cxloop.processes.reconnect;

import io.cxloop.processes.reconnect.internal.DecideNextBestActionDelegate;
import io.cxloop.processes.reconnect.internal.IssueOfferDelegate;
import io.cxloop.processes.reconnect.internal.RecordOutcomeDelegate;
import java.util.Map;

/**
 * The objects that the {@code journey-reconnect} model's delegate expressions resolve to. The engine hands exactly
 * this map (merged with other processes' maps) to {@code ProcessEngineConfigurationImpl.setBeans}, so expressions
 * reach nothing else.
 */
public final class JourneyReconnectDelegates {

    /** Bean name of {@code Task_DecideNextBestAction}'s delegate. */
    public static final String DECIDE_NEXT_BEST_ACTION = "decideNextBestAction";
    /** Bean name of {@code Task_IssueOfferAndQueueMessage}'s delegate. */
    public static final String ISSUE_OFFER_AND_QUEUE_MESSAGE = "issueOfferAndQueueMessage";
    /** Bean name of the {@code Task_Record…} delegates. */
    public static final String RECORD_CAMPAIGN_OUTCOME = "recordCampaignOutcome";

    private JourneyReconnectDelegates() {}

    /** Delegates keyed by the names used in the BPMN's {@code camunda:delegateExpression}s; immutable. */
    public static Map<String, Object> beans(ReconnectCampaignPort port) {
        return Map.of(
                DECIDE_NEXT_BEST_ACTION, new DecideNextBestActionDelegate(port),
                ISSUE_OFFER_AND_QUEUE_MESSAGE, new IssueOfferDelegate(port),
                RECORD_CAMPAIGN_OUTCOME, new RecordOutcomeDelegate(port));
    }
}
