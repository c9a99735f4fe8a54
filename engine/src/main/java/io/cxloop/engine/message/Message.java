package io.cxloop.engine.message;

import io.cxloop.rules.model.Channel;
import java.time.Instant;

/**
 * An outbox message with its rendered content and delivery status.
 *
 * @param statusReason why the message is {@link MessageStatus#SUPPRESSED}
 * @param smsEncoding {@code GSM_7} or {@code UCS_2} for text messages
 * @param smsSegments how many SMS a text message is sent as
 * @param priority JMS priority of a call-back request, if it has its own
 * @param deliveredAt when the provider reported it delivered (SMS delivery receipt)
 * @param marketing whether it is marketing (carries one-click unsubscribe; an opt-out stops it)
 * @param callOutcome what came of a call-back, as the agent or the CTI reported it (see the calls API)
 */
public record Message(
        String messageId,
        String customerId,
        String campaignId,
        String decisionId,
        String offerCode,
        Channel channel,
        String template,
        String recipient,
        String language,
        String subject,
        String body,
        String htmlBody,
        MessageStatus status,
        int attempts,
        String lastError,
        String providerMessageId,
        Instant createdAt,
        Instant sentAt,
        String statusReason,
        String smsEncoding,
        Integer smsSegments,
        Integer priority,
        Instant deliveredAt,
        boolean marketing,
        String callOutcome,
        String callNote,
        Instant callOutcomeAt) {}
