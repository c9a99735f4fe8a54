package io.cxloop.processes.reconnect;

/** Names shared between the {@code journey-reconnect} BPMN process and the code that starts and drives it. */
public final class JourneyReconnect {

    public static final String PROCESS_KEY = "journey-reconnect";

    /** Classpath location of the BPMN model; also listed in {@link io.cxloop.processes.ProcessResources#BPMN}. */
    public static final String BPMN_RESOURCE = "bpmn/journey-reconnect.bpmn";

    /** Correlated when the customer reaches the trigger's goal (e.g. a purchase) on their own or after contact. */
    public static final String MESSAGE_GOAL_REACHED = "Message_GoalReached";

    /**
     * Correlated by the outbox when it gives the campaign's message up (failed for good, bounced, or suppressed by the
     * contact policy), matched by process instance and {@link #VAR_MESSAGE_ID}; the process decides again without
     * that channel.
     */
    public static final String MESSAGE_DELIVERY_FAILED = "Message_DeliveryFailed";

    /** Set with {@link #MESSAGE_DELIVERY_FAILED}: the channel that failed, e.g. {@code EMAIL}. */
    public static final String VAR_FAILED_CHANNEL = "failedChannel";

    /** Set with {@link #MESSAGE_DELIVERY_FAILED}: why, e.g. the bounce or the suppression reason. */
    public static final String VAR_DELIVERY_FAILURE = "deliveryFailure";

    // process variables set by the starter; the campaign row (by campaignId) has the customer and the trigger version,
    // the business key is customerId:triggerKey
    public static final String VAR_CAMPAIGN_ID = "campaignId";
    /** ISO-8601 duration, e.g. {@code PT24H}: how long to wait for the goal before reconnecting. */
    public static final String VAR_DELAY = "delay";
    /** The event type that counts as the goal, e.g. {@code PURCHASE_COMPLETED}; used for correlation. */
    public static final String VAR_GOAL_EVENT_TYPE = "goalEventType";

    // process variables set by the delegates
    /** String, transient: the offer step reads it in the same transaction. */
    public static final String VAR_DECISION_ID = "decisionId";
    /** Boolean, transient: the gateway after the decision reads it in the same transaction. */
    public static final String VAR_ACTION_CHOSEN = "actionChosen";
    /**
     * Boolean, transient: the customer is in the trigger's control group and gets no message (the gateway after the
     * decision reads it in the same transaction).
     */
    public static final String VAR_HELD_OUT = "heldOut";
    /** {@link java.util.Date}: when a held-out campaign stops waiting for the goal (timer date). */
    public static final String VAR_CONTROL_WINDOW_ENDS_AT = "controlWindowEndsAt";

    public static final String VAR_MESSAGE_ID = "messageId";
    /** {@link java.util.Date}: when the issued offer expires (timer date). */
    public static final String VAR_OFFER_EXPIRES_AT = "offerExpiresAt";

    private JourneyReconnect() {}
}
