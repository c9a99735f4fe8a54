package io.cxloop.processes.reconnect.internal;

import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_CAMPAIGN_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DECISION_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_MESSAGE_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_OFFER_EXPIRES_AT;

import io.cxloop.processes.reconnect.IssuedOffer;
import io.cxloop.processes.reconnect.ReconnectCampaignPort;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Task_IssueOfferAndQueueMessage}: the port writes the offer and the outbox row in the job's transaction, so
 * they commit together with the variables and the expiry timer set here, or not at all.
 */
public class IssueOfferDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(IssueOfferDelegate.class);

    private final ReconnectCampaignPort port;

    public IssueOfferDelegate(ReconnectCampaignPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = ProcessVariables.requiredString(execution, VAR_CAMPAIGN_ID);
        String decisionId = ProcessVariables.requiredString(execution, VAR_DECISION_ID);
        IssuedOffer offer = ProcessVariables.requiredResult(
                execution, port.issueOfferAndQueueMessage(campaignId, decisionId), "issued offer");
        if (offer.expiresAt() == null) {
            throw new IllegalStateException("Offer " + offer.offerCode() + " for campaign " + campaignId
                    + " has no expiry; the process could never end");
        }
        execution.setVariable(VAR_MESSAGE_ID, offer.messageId());
        // the timer's timeDate expression needs java.util.Date
        execution.setVariable(VAR_OFFER_EXPIRES_AT, Date.from(offer.expiresAt()));
        log.debug(
                "Campaign {} issued offer {} with message {}, expiring {}",
                campaignId,
                offer.offerCode(),
                offer.messageId(),
                offer.expiresAt());
    }
}
