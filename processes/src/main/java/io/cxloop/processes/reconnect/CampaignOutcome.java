package io.cxloop.processes.reconnect;

/** How a reconnect campaign ended. */
public enum CampaignOutcome {
    /** The goal event arrived before the delay was over: nobody was contacted. */
    CONVERTED_BEFORE_CONTACT,
    /** The goal event arrived after the message and before the offer expired. */
    CONVERTED_AFTER_CONTACT,
    /** The offer expired without the goal event. */
    EXPIRED,
    /** The rules decided not to contact the customer. */
    NO_ACTION
}
