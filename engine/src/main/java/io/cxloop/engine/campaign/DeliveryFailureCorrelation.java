package io.cxloop.engine.campaign;

import static io.cxloop.processes.reconnect.JourneyReconnect.MESSAGE_DELIVERY_FAILED;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DELIVERY_FAILURE;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_FAILED_CHANNEL;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_MESSAGE_ID;

import io.cxloop.engine.message.OutboxRepository.MessageGaveUp;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets the campaign's process know when the outbox gives its message up (failed for good, bounced or suppressed):
 * {@code Message_DeliveryFailed} is correlated in the same transaction as the status change, so either both happen
 * or neither (and the outbox's retry or the provider's repeated receipt brings it again). A process that no longer
 * waits for that message (it moved on, or the message was not its current one) is simply not found.
 */
@Component
class DeliveryFailureCorrelation {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailureCorrelation.class);

    private final CampaignRepository campaigns;
    private final RuntimeService runtime;

    DeliveryFailureCorrelation(CampaignRepository campaigns, RuntimeService runtime) {
        this.campaigns = campaigns;
        this.runtime = runtime;
    }

    @EventListener
    void messageGaveUp(MessageGaveUp gaveUp) {
        if (gaveUp.campaignId() == null) {
            return;
        }
        String processInstanceId = campaigns
                .find(gaveUp.campaignId())
                .map(Campaign::processInstanceId)
                .orElse(null);
        if (processInstanceId == null) {
            return;
        }
        int correlated = runtime.createMessageCorrelation(MESSAGE_DELIVERY_FAILED)
                .processInstanceId(processInstanceId)
                .processInstanceVariableEquals(VAR_MESSAGE_ID, gaveUp.messageId())
                .setVariable(VAR_FAILED_CHANNEL, gaveUp.channel().name())
                .setVariable(VAR_DELIVERY_FAILURE, gaveUp.status() + ": " + gaveUp.reason())
                .correlateAllWithResult()
                .size();
        log.info(
                "Message {} of campaign {} {} ({}): {}",
                gaveUp.messageId(),
                gaveUp.campaignId(),
                gaveUp.status(),
                gaveUp.reason(),
                correlated == 0 ? "no process waits for it" : "the process tries the next channel");
    }
}
