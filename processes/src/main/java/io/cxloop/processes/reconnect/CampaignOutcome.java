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
    NO_ACTION,
    /** Held out as control (no message): the goal event arrived within the window an offer would have been valid. */
    CONVERTED_IN_CONTROL,
    /** Held out as control (no message): the window an offer would have been valid ended without the goal event. */
    EXPIRED_IN_CONTROL
}
