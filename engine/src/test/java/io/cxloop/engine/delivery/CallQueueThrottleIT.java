package io.cxloop.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.connectors.callqueue.CallQueueProperties;
import io.cxloop.connectors.callqueue.CallQueueThrottle;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.engine.message.MessageStatus;
import io.cxloop.engine.message.OutboxMetrics;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.message.OutboxRetryProperties;
import io.cxloop.engine.optout.UnsubscribeLinks;
import io.cxloop.engine.support.EngineIT;
import io.cxloop.rules.model.Channel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The call center takes 10 call-backs an hour, Monday to Friday 08:00–18:00 in Berlin: the outbox feeds the queue no
 * faster, and the most urgent call-backs go first. The outbox here runs on a clock of its own, in January 2030, so
 * the application's dispatcher (on the real clock) never finds these messages due.
 */
class CallQueueThrottleIT extends EngineIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRetryProperties retry;

    @Autowired
    OutboxMetrics metrics;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    CallQueueProperties callQueueProperties;

    @Autowired
    UnsubscribeLinks unsubscribeLinks;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Test
    void hundredCallBacksWithACapacityOfTenAnHourGoOutTenPerHourMostUrgentFirstAndOnlyInBusinessHours() {
        TestClock clock =
                new TestClock(ZonedDateTime.of(2030, 1, 7, 9, 0, 0, 0, BERLIN).toInstant()); // a Monday
        OutboxRepository outbox = new OutboxRepository(
                jdbc,
                clock,
                retry,
                metrics,
                events,
                callQueueProperties,
                new CallQueueThrottle(10, "08:00-18:00", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), BERLIN),
                unsubscribeLinks);
        String customerId = newCustomer();
        List<String> routine = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            routine.add(outbox.queue(callBack(customerId, null)));
            clock.advance(Duration.ofSeconds(1)); // so that "the oldest" is well defined
        }
        List<String> urgent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            urgent.add(outbox.queue(callBack(customerId, 9)));
        }

        List<String> firstHour = dispatchAll(outbox);
        clock.advance(Duration.ofMinutes(30));
        List<String> halfAnHourLater = dispatchAll(outbox);
        clock.advance(Duration.ofMinutes(31));
        List<String> secondHour = dispatchAll(outbox);

        assertThat(firstHour).hasSize(10).containsAll(urgent);
        assertThat(firstHour).containsAll(routine.subList(0, 5)); // then the oldest
        assertThat(halfAnHourLater).isEmpty();
        assertThat(secondHour).hasSize(10).containsExactlyInAnyOrderElementsOf(routine.subList(5, 15));

        clock.set(ZonedDateTime.of(2030, 1, 7, 18, 30, 0, 0, BERLIN).toInstant());
        assertThat(dispatchAll(outbox)).as("after business hours").isEmpty();
        clock.set(ZonedDateTime.of(2030, 1, 12, 10, 0, 0, 0, BERLIN).toInstant());
        assertThat(dispatchAll(outbox)).as("on Saturday").isEmpty();
        clock.set(ZonedDateTime.of(2030, 1, 14, 8, 0, 0, 0, BERLIN).toInstant());
        assertThat(dispatchAll(outbox)).as("Monday morning").hasSize(10);
        long waiting = routine.stream()
                .filter(id -> outbox.find(id).orElseThrow().status() == MessageStatus.QUEUED)
                .count();
        assertThat(waiting).isEqualTo(100 - 30);
    }

    @Test
    void twoNodesFeedingOneCallCenterTogetherStayWithinItsCapacity() throws Exception {
        TestClock clock =
                new TestClock(ZonedDateTime.of(2030, 2, 4, 10, 0, 0, 0, BERLIN).toInstant()); // a Monday
        CallQueueThrottle capacity =
                new CallQueueThrottle(10, "08:00-18:00", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), BERLIN);
        // the unlucky interleaving, forced: node 2 has counted what went out this hour (nothing) but not yet picked
        // its call-backs when node 1 claims and commits its own
        CountDownLatch node2Counted = new CountDownLatch(1);
        CountDownLatch node1Committed = new CountDownLatch(1);
        DataSource node2Database = pausingBeforeCallBacksArePicked(dataSource, node2Counted, node1Committed);
        OutboxRepository node1 = new OutboxRepository(
                jdbc, clock, retry, metrics, events, callQueueProperties, capacity, unsubscribeLinks);
        OutboxRepository node2 = new OutboxRepository(
                JdbcClient.create(node2Database),
                clock,
                retry,
                metrics,
                events,
                callQueueProperties,
                capacity,
                unsubscribeLinks);
        String customerId = newCustomer();
        for (int i = 0; i < 60; i++) {
            node1.queue(callBack(customerId, null));
            clock.advance(Duration.ofSeconds(1));
        }

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<List<OutboxMessage>> fromNode2 =
                    nodes.submit(() -> new TransactionTemplate(new DataSourceTransactionManager(node2Database))
                            .execute(status -> node2.claimDue(50)));
            Future<List<OutboxMessage>> fromNode1 = nodes.submit(() -> {
                node2Counted.await(10, TimeUnit.SECONDS);
                try {
                    return new TransactionTemplate(transactions).execute(status -> node1.claimDue(50));
                } finally {
                    node1Committed.countDown();
                }
            });
            List<String> dispatched = new ArrayList<>();
            fromNode1.get(60, TimeUnit.SECONDS).forEach(message -> dispatched.add(message.id()));
            fromNode2.get(60, TimeUnit.SECONDS).forEach(message -> dispatched.add(message.id()));

            assertThat(dispatched).hasSize(10).doesNotHaveDuplicates();
        } finally {
            nodes.shutdownNow();
        }
    }

    /**
     * The database as node 2 sees it: when node 2 is about to pick the due call-backs, it says so and waits (at most
     * three seconds) until node 1 has committed its claim.
     */
    private static DataSource pausingBeforeCallBacksArePicked(
            DataSource dataSource, CountDownLatch counted, CountDownLatch otherNodeCommitted) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(
                        CallQueueThrottleIT.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement")
                                    && args[0] instanceof String sql
                                    && sql.contains("where channel = 'CALL_QUEUE'")
                                    && sql.contains("order by")) {
                                counted.countDown();
                                otherNodeCommitted.await(3, TimeUnit.SECONDS);
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    /** Claims until nothing more comes and reports each call-back as put on the queue. */
    private static List<String> dispatchAll(OutboxRepository outbox) {
        List<String> dispatched = new ArrayList<>();
        List<OutboxMessage> batch;
        while (!(batch = outbox.claimDue(50)).isEmpty()) {
            for (OutboxMessage message : batch) {
                assertThat(message.channel()).isEqualTo("CALL_QUEUE");
                outbox.markSent(message.id(), "ID:" + message.id());
                dispatched.add(message.id());
            }
        }
        return dispatched;
    }

    private static NewMessage callBack(String customerId, Integer priority) {
        return new NewMessage(
                customerId,
                null,
                null,
                null,
                Channel.CALL_QUEUE,
                "reconnect-offer",
                "+4917012345678",
                "de",
                "Rückruf zum Warenkorb",
                null,
                "Guten Tag, hier ist der Kundenservice …",
                priority,
                false);
    }

    private String newCustomer() {
        String customerId = "c-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> response = admin().exchange(
                        "/api/customers/" + customerId,
                        HttpMethod.PUT,
                        new HttpEntity<>(DeliveryIT.customerWithSmsConsent()),
                        JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
