package io.cxloop.connectors.callqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.connectors.ConnectorsTestApplication;
import io.cxloop.connectors.outbox.InMemoryOutboxStore;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.connectors.outbox.OutboxMessages;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Call-back requests on a real embedded Artemis with a persistent journal. */
@SpringBootTest(
        classes = ConnectorsTestApplication.class,
        properties = {
            "test.outbox.max-attempts=1000",
            "cxloop.outbox.poll-interval=50",
            "cxloop.call-queue.priorities.detractor-callback=8",
            "cxloop.call-queue.priorities.reconnect-offer=2",
            "spring.artemis.mode=embedded",
            "spring.artemis.embedded.persistent=true",
            "spring.artemis.embedded.queues=cxloop.call-queue"
        })
class CallQueueIT {

    private static final String QUEUE = "cxloop.call-queue";
    private static final ObjectMapper JSON = new ObjectMapper();

    // not a @TempDir: the shared Spring context (and its broker) outlives this class
    private static final Path JOURNAL =
            Path.of("target", "call-queue-it", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void journalDir(DynamicPropertyRegistry registry) {
        registry.add("spring.artemis.embedded.data-directory", () -> JOURNAL.toString());
    }

    @Autowired
    InMemoryOutboxStore outbox;

    @Autowired
    JmsTemplate jms;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    CamelContext camel;

    @Test
    void theCallCenterTakesTheMostUrgentCallBackFirst() throws Exception {
        OutboxMessage offer = outbox.enqueue(OutboxMessages.callBackTo("+4930111111", "reconnect-offer", "Offer"));
        OutboxMessage routine = outbox.enqueue(OutboxMessages.callBackTo("+4930222222", "thank-you", "Thanks"));
        OutboxMessage detractor =
                outbox.enqueue(OutboxMessages.callBackTo("+4930333333", "detractor-callback", "Score 2: late"));
        awaitSent(offer, routine, detractor);

        List<Message> received = receiveAll(offer, routine, detractor);

        assertThat(received)
                .extracting(Message::getJMSCorrelationID)
                .containsExactly(detractor.id(), routine.id(), offer.id());
        assertThat(received).extracting(Message::getJMSPriority).containsExactly(8, 4, 2);
        Message urgent = received.get(0);
        assertThat(urgent.getStringProperty(CallQueueRoutes.OUTBOX_ID_PROPERTY)).isEqualTo(detractor.id());
        assertThat(urgent.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
        assertThat(outbox.sent().get(detractor.id())).isEqualTo(urgent.getJMSMessageID());
        JsonNode call = JSON.readTree(((TextMessage) urgent).getText());
        assertThat(call.path("customerId").asText()).isEqualTo("anna");
        assertThat(call.path("phone").asText()).isEqualTo("+4930333333");
        assertThat(call.path("reason").asText()).isEqualTo("Score 2: late");
        assertThat(call.path("reference").asText()).isEqualTo("CASE-4711");
        assertThat(call.path("script").asText()).startsWith("Guten Tag");
        assertThat(call.path("priority").asInt()).isEqualTo(8);
    }

    @Test
    void aSecondSendOfTheSameOutboxMessageIsDroppedByTheBroker() throws Exception {
        OutboxMessage callBack = OutboxMessages.callBackTo("+4930444444", "detractor-callback", "Score 1");
        outbox.enqueue(callBack);
        awaitSent(callBack);
        outbox.sent().remove(callBack.id());
        // as after a lost acknowledgement: the dispatcher sends the same message again
        outbox.enqueue(callBack);
        awaitSent(callBack);

        assertThat(receiveAll(callBack)).hasSize(1);
    }

    @Test
    void nothingIsLostWhileTheBrokerIsDown() throws Exception {
        OutboxMessage beforeStop = outbox.enqueue(OutboxMessages.callBackTo("+4930555555", "detractor-callback", "1"));
        awaitSent(beforeStop);

        ActiveMQServer server = broker.getActiveMQServer();
        server.stop();
        OutboxMessage whileDown = outbox.enqueue(OutboxMessages.callBackTo("+4930666666", "detractor-callback", "2"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox.attemptErrors(whileDown.id()).size() >= 2);
        assertThat(outbox.sent()).doesNotContainKey(whileDown.id());
        server.start();
        awaitSent(whileDown);

        assertThat(receiveAll(beforeStop, whileDown))
                .extracting(Message::getJMSCorrelationID)
                .containsExactlyInAnyOrder(beforeStop.id(), whileDown.id());
    }

    @Test
    void theRouteAndTheBrokerEndpointCarryIds() {
        assertThat(camel.getRoute(CallQueueRoutes.ROUTE_ID)).isNotNull();
        assertThat(camel.getProcessor(CallQueueRoutes.BROKER_ENDPOINT_ID)).isNotNull();
    }

    private void awaitSent(OutboxMessage... messages) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Stream.of(messages).allMatch(m -> outbox.sent().containsKey(m.id())));
    }

    /** Every message of these outbox ids now on the queue, in the order the broker hands them out. */
    private List<Message> receiveAll(OutboxMessage... messages) {
        String selector = Stream.of(messages)
                .map(m -> "'" + m.id() + "'")
                .collect(Collectors.joining(",", CallQueueRoutes.OUTBOX_ID_PROPERTY + " IN (", ")"));
        jms.setReceiveTimeout(1000);
        List<Message> received = new ArrayList<>();
        Message next;
        while ((next = jms.receiveSelected(QUEUE, selector)) != null) {
            received.add(next);
        }
        return received;
    }
}
