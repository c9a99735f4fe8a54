package io.cxloop.connectors.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cxloop.connectors.email.EmailRoutes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher on its own, with a stand-in for the e-mail connector; no Spring. */
class OutboxDispatcherRoutesTest {

    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void aFailingMessageIsMarkedFailedAndTheOthersAreSent() throws Exception {
        InMemoryOutboxStore outbox = new InMemoryOutboxStore();
        OutboxMessage rejected = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("bounce@example.org"));
        OutboxMessage fax = outbox.enqueue(OutboxMessages.faxTo("+491701234567"));
        OutboxMessage offer = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("john.doe@example.org"));
        start(outbox, new OutboxProperties(Duration.ofMillis(50), 50, true, 4));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> outbox.sent().size() + outbox.failed().size() == 3);

        assertThat(outbox.sent()).containsExactlyEntriesOf(java.util.Map.of(offer.id(), "provider-" + offer.id()));
        assertThat(outbox.failed())
                .containsEntry(rejected.id(), "550 mailbox unavailable")
                .containsEntry(fax.id(), "no connector for channel FAX");
        assertThat(outbox.rejected()).containsExactlyInAnyOrder(fax.id());
    }

    @Test
    void theDispatcherSurvivesAnUnavailableStore() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        InMemoryOutboxStore outbox = new InMemoryOutboxStore() {
            @Override
            public List<OutboxMessage> claimDue(int limit) {
                if (claims.incrementAndGet() == 1) {
                    throw new IllegalStateException("database unavailable");
                }
                return super.claimDue(limit);
            }
        };
        OutboxMessage offer = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("john.doe@example.org"));
        start(outbox, new OutboxProperties(Duration.ofMillis(50), 50, true, 4));

        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.sent().containsKey(offer.id()));

        assertThat(claims).hasValueGreaterThan(1);
    }

    @Test
    void claimsAtMostOneBatchPerTick() throws Exception {
        AtomicInteger largestClaim = new AtomicInteger();
        InMemoryOutboxStore outbox = new InMemoryOutboxStore() {
            @Override
            public List<OutboxMessage> claimDue(int limit) {
                largestClaim.accumulateAndGet(limit, Math::max);
                return super.claimDue(limit);
            }
        };
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("customer" + i + "@example.org"));
        }
        start(outbox, new OutboxProperties(Duration.ofMillis(50), 2, true, 4));

        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.sent().size() == 5);

        assertThat(largestClaim).hasValue(2);
    }

    @Test
    void aWakeUpMakesTheDispatcherClaimAtOnceInsteadOfAtTheNextPoll() throws Exception {
        InMemoryOutboxStore outbox = new InMemoryOutboxStore();
        OutboxWakeUp wakeUp = new OutboxWakeUp();
        // no poll within the test: only the wake-up can make the dispatcher claim
        start(outbox, new OutboxProperties(Duration.ofHours(1), 50, true, 4), DispatchGuard.ALLOW_ALL, wakeUp);
        OutboxMessage offer = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("john.doe@example.org"));

        wakeUp.messageDue();

        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.sent().containsKey(offer.id()));
    }

    @Test
    void afterAFullBatchTheDispatcherClaimsAgainAtOnce() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        InMemoryOutboxStore outbox = new InMemoryOutboxStore() {
            @Override
            public List<OutboxMessage> claimDue(int limit) {
                claims.incrementAndGet();
                return super.claimDue(limit);
            }
        };
        OutboxWakeUp wakeUp = new OutboxWakeUp();
        start(outbox, new OutboxProperties(Duration.ofHours(1), 2, true, 4), DispatchGuard.ALLOW_ALL, wakeUp);
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("customer" + i + "@example.org"));
        }

        wakeUp.messageDue();

        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.sent().size() == 5);
        // two full batches, then the last message
        assertThat(claims).hasValue(3);
    }

    @Test
    void aMessageTheContactPolicyNoLongerAllowsIsSuppressedAndNotSent() throws Exception {
        InMemoryOutboxStore outbox = new InMemoryOutboxStore();
        OutboxMessage withdrawn = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("withdrawn@example.org"));
        OutboxMessage offer = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("john.doe@example.org"));
        DispatchGuard consentWithdrawnByOne = message -> message.recipient().startsWith("withdrawn@")
                ? DispatchGuard.Verdict.suppress("consent for EMAIL withdrawn")
                : DispatchGuard.Verdict.allow();
        start(outbox, new OutboxProperties(Duration.ofMillis(50), 50, true, 4), consentWithdrawnByOne);

        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.sent().containsKey(offer.id()));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.suppressed().containsKey(withdrawn.id()));

        assertThat(outbox.suppressed())
                .containsExactlyEntriesOf(java.util.Map.of(withdrawn.id(), "consent for EMAIL withdrawn"));
        assertThat(outbox.sent()).doesNotContainKey(withdrawn.id());
    }

    @Test
    void aMessageDueInTheCustomersQuietHoursWaitsUntilTheyEnd() throws Exception {
        InMemoryOutboxStore outbox = new InMemoryOutboxStore();
        OutboxMessage atNight = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("asleep@example.org"));
        OutboxMessage offer = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("awake@example.org"));
        java.time.Instant morning = java.time.Instant.parse("2030-01-08T07:00:00Z");
        DispatchGuard quietHoursOfOne = message -> message.recipient().startsWith("asleep@")
                ? DispatchGuard.Verdict.postpone(morning, "quiet hours")
                : DispatchGuard.Verdict.allow();
        start(outbox, new OutboxProperties(Duration.ofMillis(50), 50, true, 4), quietHoursOfOne);

        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.sent().containsKey(offer.id()));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.postponed().containsKey(atNight.id()));

        assertThat(outbox.postponed()).containsExactlyEntriesOf(java.util.Map.of(atNight.id(), morning));
        assertThat(outbox.sent()).doesNotContainKey(atNight.id());
        assertThat(outbox.suppressed()).isEmpty();
    }

    @Test
    void aTransientFailureIsRetriedAndAPermanentOneIsNot() throws Exception {
        InMemoryOutboxStore outbox = new InMemoryOutboxStore(3);
        OutboxMessage flaky = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("flaky@example.org"));
        OutboxMessage unknown = outbox.enqueue(OutboxMessages.reconnectOfferEmailTo("unknown@example.org"));
        start(outbox, new OutboxProperties(Duration.ofMillis(50), 50, true, 4));

        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.sent().containsKey(flaky.id()));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.failed().containsKey(unknown.id()));

        assertThat(outbox.attemptErrors(flaky.id())).containsExactly("421 try again later");
        assertThat(outbox.rejected()).containsExactly(unknown.id());
        assertThat(outbox.attemptErrors(unknown.id())).isEmpty();
    }

    @Test
    void aDisabledDispatcherStaysStopped() throws Exception {
        InMemoryOutboxStore outbox = new InMemoryOutboxStore();
        start(outbox, new OutboxProperties(Duration.ofMillis(50), 50, false, 4));

        assertThat(camel.getRouteController().getRouteStatus(OutboxDispatcherRoutes.ROUTE_ID))
                .isEqualTo(ServiceStatus.Stopped);
        assertThat(camel.getRouteController().getRouteStatus(OutboxDispatcherRoutes.MESSAGE_ROUTE_ID))
                .isEqualTo(ServiceStatus.Started);
    }

    private void start(OutboxStore store, OutboxProperties properties) throws Exception {
        start(store, properties, DispatchGuard.ALLOW_ALL);
    }

    private void start(OutboxStore store, OutboxProperties properties, DispatchGuard guard) throws Exception {
        start(store, properties, guard, new OutboxWakeUp());
    }

    private void start(OutboxStore store, OutboxProperties properties, DispatchGuard guard, OutboxWakeUp wakeUp)
            throws Exception {
        camel.addRoutes(new OutboxDispatcherRoutes(store, properties, guard, wakeUp));
        camel.addRoutes(new FakeEmailConnector());
        camel.start();
    }

    /**
     * Accepts every recipient except bounce@example.org; flaky@example.org fails its first attempt, unknown@example.org
     * is rejected for good.
     */
    private static final class FakeEmailConnector extends RouteBuilder {
        @Override
        public void configure() {
            from(EmailRoutes.ENDPOINT)
                    .routeId("fake-email")
                    .errorHandler(noErrorHandler())
                    .process(exchange -> {
                        OutboxMessage message = exchange.getMessage().getBody(OutboxMessage.class);
                        if (message.recipient().startsWith("bounce@")) {
                            throw new IllegalStateException("550 mailbox unavailable");
                        }
                        if (message.recipient().startsWith("flaky@") && message.attempts() == 1) {
                            throw new IllegalStateException("421 try again later");
                        }
                        if (message.recipient().startsWith("unknown@")) {
                            throw new PermanentDeliveryException("550 no such user");
                        }
                        exchange.getMessage().setHeader(OutboxHeaders.PROVIDER_MESSAGE_ID, "provider-" + message.id());
                    });
        }
    }
}
