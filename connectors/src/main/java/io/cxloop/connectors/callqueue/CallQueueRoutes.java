package io.cxloop.connectors.callqueue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.connectors.outbox.OutboxHeaders;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.connectors.outbox.PermanentDeliveryException;
import io.cxloop.connectors.sms.PhoneNumbers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The call-queue connector: {@code direct:call-queue} puts a call-back request for the call center on the JMS queue
 * {@code cxloop.call-queue} — a persistent JSON text message with the customer, the number to call, the reason, the
 * reference (offer code or case) and the call script, with a JMS priority by kind.
 *
 * <p>A JMS client cannot choose the JMS message id, so the outbox id travels as {@code JMSCorrelationID}, as the
 * property {@value #OUTBOX_ID_PROPERTY} and as Artemis' duplicate-detection id {@value #ARTEMIS_DUPLICATE_ID}: the
 * broker drops a second send of the same outbox message (a retry after a lost acknowledgement). The broker's
 * {@code JMSMessageID} becomes the provider message id.
 */
public class CallQueueRoutes extends RouteBuilder {

    public static final String ENDPOINT = "direct:call-queue";
    public static final String ROUTE_ID = "call-queue-delivery";
    public static final String BROKER_ENDPOINT_ID = "call-queue-broker";

    /** JMS property with the outbox id. */
    public static final String OUTBOX_ID_PROPERTY = "CxloopOutboxId";
    /** Artemis duplicate detection ({@code org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID}). */
    public static final String ARTEMIS_DUPLICATE_ID = "_AMQ_DUPL_ID";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallQueueProperties properties;

    public CallQueueRoutes(CallQueueProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        from(ENDPOINT)
                .routeId(ROUTE_ID)
                // the dispatcher decides what a failure means; no logging or redelivery here
                .errorHandler(noErrorHandler())
                .process(this::buildCallRequest)
                .id("build-call-request")
                // preserveMessageQos: the JMSPriority header of each message counts
                .to("jms:queue:" + properties.queue()
                        + "?preserveMessageQos=true&deliveryPersistent=true&includeSentJMSMessageID=true")
                .id(BROKER_ENDPOINT_ID)
                .process(CallQueueRoutes::readJmsMessageId)
                .id("read-jms-message-id");
    }

    private void buildCallRequest(Exchange exchange) throws Exception {
        OutboxMessage message = exchange.getMessage().getMandatoryBody(OutboxMessage.class);
        if (!PhoneNumbers.isE164(message.recipient())) {
            throw new PermanentDeliveryException("not an E.164 phone number: " + message.recipient());
        }
        int priority = properties.priorityOf(message.kind(), message.priority());
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("outboxId", message.id());
        call.put("customerId", message.customerId());
        call.put("phone", message.recipient());
        call.put("language", message.language());
        call.put("kind", message.kind());
        call.put("priority", priority);
        call.put("reason", message.subject());
        call.put("reference", message.reference());
        call.put("script", message.textBody());
        exchange.setProperty(OutboxHeaders.OUTBOX_ID, message.id());
        // every header left on the exchange would become a JMS property
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader("JMSPriority", priority);
        exchange.getMessage().setHeader("JMSCorrelationID", message.id());
        exchange.getMessage().setHeader("JMSType", "cxloop.call-back");
        exchange.getMessage().setHeader(OUTBOX_ID_PROPERTY, message.id());
        exchange.getMessage().setHeader(ARTEMIS_DUPLICATE_ID, message.id());
        exchange.getMessage().setBody(toJson(call));
    }

    private static void readJmsMessageId(Exchange exchange) {
        String jmsMessageId = exchange.getMessage().getHeader("JMSMessageID", String.class);
        String outboxId = exchange.getProperty(OutboxHeaders.OUTBOX_ID, String.class);
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(OutboxHeaders.OUTBOX_ID, outboxId);
        exchange.getMessage().setHeader(OutboxHeaders.PROVIDER_MESSAGE_ID, jmsMessageId);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
