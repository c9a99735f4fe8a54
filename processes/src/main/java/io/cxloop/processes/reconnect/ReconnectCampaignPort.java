package io.cxloop.processes.reconnect;

/**
 * What the {@code journey-reconnect} process needs from the application. The engine implements it with its
 * repositories, the rules and the outbox; every call runs in the process engine's transaction.
 */
public interface ReconnectCampaignPort {

    /** Decides the next-best action for the campaign's customer with the campaign's trigger version and stores it. */
    ReconnectDecision decide(String campaignId);

    /**
     * Issues a unique offer code with its expiry and writes the message into the outbox, both in the caller's
     * transaction.
     */
    IssuedOffer issueOfferAndQueueMessage(String campaignId, String decisionId);

    /** Records how the campaign ended. */
    void recordOutcome(String campaignId, CampaignOutcome outcome);
}
