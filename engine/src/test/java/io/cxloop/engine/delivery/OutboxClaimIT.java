package io.cxloop.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxloop.connectors.callqueue.CallQueueProperties;
import io.cxloop.connectors.callqueue.CallQueueThrottle;
import io.cxloop.connectors.outbox.OutboxMessage;
import io.cxloop.engine.delivery.CallQueueThrottleIT.TestClock;
import io.cxloop.engine.message.OutboxMetrics;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRetryProperties;
import io.cxloop.engine.optout.UnsubscribeLinks;
import io.cxloop.engine.support.EngineIT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a dispatcher gets when it claims: a message whose earlier claim was never reported back (its dispatcher died)
 * comes back after the claim timeout marked resumed, so the e-mail connector checks the journal before sending; a
 * marketing message carries its unsubscribe links; two dispatchers claiming at once never get the same message. On
 * clocks of their own in 2031 and 2032, out of the real dispatcher's way.
 */
class OutboxClaimIT extends EngineIT {

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

    @Test
    void aMessageWhoseDispatcherDiedComesBackResumedAfterTheClaimTimeoutAndOnlyThen() {
        TestClock clock = new TestClock(Instant.parse("2031-05-05T10:00:00Z"));
        OutboxRepository outbox = outboxOn(clock);
        String customerId = newCustomer();
        String id = outbox.queue(OptOutIT.offerEmail(customerId, "claim-" + customerId + "@example.com"));

        OutboxMessage first = claimed(outbox, id);
        clock.advance(retry.claimTimeout().minus(Duration.ofSeconds(1)));
        boolean claimedTooEarly = outbox.claimDue(1000).stream().anyMatch(m -> m.id().equals(id));
        clock.advance(Duration.ofSeconds(2));
        OutboxMessage resumed = claimed(outbox, id);

        assertThat(first.resumed()).isFalse();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.marketing()).isTrue();
        assertThat(first.unsubscribe().url()).startsWith("https://cx.shop.example/u/");
        assertThat(claimedTooEarly).isFalse();
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.attempts()).isEqualTo(2);
        outbox.markSent(id, "<" + id + "@cxloop>");
        assertThat(outbox.claimDue(1000)).extracting(OutboxMessage::id).doesNotContain(id);
    }

    /**
     * Queued messages whose time has come and messages whose claim went stale are two halves of one claim: together
     * oldest first (by their due time), up to the limit. In 2040, after what other tests on clocks of their own left
     * behind was sent.
     */
    @Test
    void dueAndStaleMessagesAreClaimedTogetherOldestFirstUpToTheLimit() {
        Instant start = Instant.parse("2040-01-01T10:00:00Z");
        TestClock clock = new TestClock(start.minus(Duration.ofDays(1)));
        OutboxRepository outbox = outboxOn(clock);
        for (List<OutboxMessage> left = outbox.claimDue(1000); !left.isEmpty(); left = outbox.claimDue(1000)) {
            left.forEach(message -> outbox.markSent(message.id(), "<" + message.id() + "@cxloop>"));
        }
        clock.advance(Duration.ofDays(1));
        String customerId = newCustomer();
        String stale = outbox.queue(OptOutIT.offerEmail(customerId, "stale-" + customerId + "@example.com"));
        List<String> firstClaim = ids(outbox.claimDue(1000));
        String dueFirst = outbox.queue(
                OptOutIT.offerEmail(customerId, "due1-" + customerId + "@example.com"), start.plusSeconds(60));
        String dueSecond = outbox.queue(
                OptOutIT.offerEmail(customerId, "due2-" + customerId + "@example.com"), start.plusSeconds(120));
        String later = outbox.queue(
                OptOutIT.offerEmail(customerId, "later-" + customerId + "@example.com"),
                start.plus(retry.claimTimeout()).plusSeconds(300));

        clock.advance(retry.claimTimeout().plusSeconds(60)); // the first claim is stale, two are due, one is not
        List<OutboxMessage> oldestTwo = outbox.claimDue(2);
        List<String> rest = ids(outbox.claimDue(1000));
        clock.advance(Duration.ofSeconds(300));
        List<String> whenLaterIsDue = ids(outbox.claimDue(1000));

        assertThat(firstClaim).containsExactly(stale);
        assertThat(oldestTwo).extracting(OutboxMessage::id).containsExactly(stale, dueFirst);
        assertThat(oldestTwo).extracting(OutboxMessage::resumed).containsExactly(true, false);
        assertThat(rest).containsExactly(dueSecond);
        assertThat(whenLaterIsDue).containsExactly(later);
    }

    private static List<String> ids(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::id).toList();
    }

    @Test
    void twoDispatchersClaimingTheSameBatchAtOnceEachGetADifferentShareAndTogetherAll() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2032-06-06T10:00:00Z"));
        OutboxRepository node1 = outboxOn(clock);
        OutboxRepository node2 = outboxOn(clock);
        String customerId = newCustomer();
        Set<String> queued = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            queued.add(node1.queue(OptOutIT.offerEmail(customerId, "batch-" + i + "-" + customerId + "@example.com")));
        }

        List<OutboxMessage> first = new ArrayList<>();
        List<OutboxMessage> second = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService both = Executors.newFixedThreadPool(2);
            try {
                Future<List<OutboxMessage>> claim1 = both.submit(() -> {
                    together.await();
                    return node1.claimDue(1000);
                });
                Future<List<OutboxMessage>> claim2 = both.submit(() -> {
                    together.await();
                    return node2.claimDue(1000);
                });
                first.addAll(claim1.get(30, TimeUnit.SECONDS));
                second.addAll(claim2.get(30, TimeUnit.SECONDS));
            } finally {
                both.shutdownNow();
            }
            if (first.stream().map(OutboxMessage::id).filter(queued::contains).count()
                            + second.stream()
                                    .map(OutboxMessage::id)
                                    .filter(queued::contains)
                                    .count()
                    >= queued.size()) {
                break;
            }
        }

        Set<String> byFirst = first.stream().map(OutboxMessage::id).collect(Collectors.toSet());
        Set<String> bySecond = second.stream().map(OutboxMessage::id).collect(Collectors.toSet());
        assertThat(first).hasSameSizeAs(byFirst);
        assertThat(second).hasSameSizeAs(bySecond);
        Set<String> claimedTwice = new HashSet<>(byFirst);
        claimedTwice.retainAll(bySecond);
        assertThat(claimedTwice).as("claimed by both").isEmpty();
        Set<String> together = new HashSet<>(byFirst);
        together.addAll(bySecond);
        assertThat(together).containsAll(queued);
        assertThat(first).filteredOn(message -> queued.contains(message.id())).allSatisfy(message -> {
            assertThat(message.attempts()).isEqualTo(1);
            assertThat(message.resumed()).isFalse();
            assertThat(message.unsubscribe()).isNotNull();
        });
    }

    /** A dispatcher's view of the outbox on a clock of the test's own. */
    private OutboxRepository outboxOn(TestClock clock) {
        return new OutboxRepository(
                jdbc, clock, retry, metrics, events, callQueueProperties, CallQueueThrottle.none(), unsubscribeLinks);
    }

    /** A new customer who agreed to e-mail and SMS; returns the id. */
    private String newCustomer() {
        String customerId = "c-" + UUID.randomUUID().toString().substring(0, 12);
        admin().exchange(
                        "/api/customers/" + customerId,
                        HttpMethod.PUT,
                        new HttpEntity<>(DeliveryIT.customerWithSmsConsent()),
                        JsonNode.class);
        return customerId;
    }

    private static OutboxMessage claimed(OutboxRepository outbox, String id) {
        List<OutboxMessage> batch = outbox.claimDue(1000);
        return batch.stream()
                .filter(message -> message.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not claimed"));
    }
}
