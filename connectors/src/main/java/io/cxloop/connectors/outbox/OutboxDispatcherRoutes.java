package io.cxloop.connectors.outbox;

import io.cxloop.connectors.callqueue.CallQueueRoutes;
import io.cxloop.connectors.email.EmailRoutes;
import io.cxloop.connectors.sms.SmsRoutes;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves due outbox messages to their channel connector, at least once.
 *
 * <p>{@code outbox-dispatcher} claims a batch when the {@link OutboxWakeUp} says a message is due (a transaction on
 * this node queued it), at the latest every {@link OutboxProperties#pollInterval()} (messages of other nodes, retries,
 * those queued before a restart, lost wake-ups), and at once again after a full batch. It hands each message to
 * {@code outbox-dispatch-message} ({@link OutboxProperties#dispatchThreads()} of them at a time),
 * which asks the {@link DispatchGuard} once more, routes it by channel to the connector's {@code direct:} endpoint
 * and records the outcome in the {@link OutboxStore}. A failing message is marked failed (the store decides about
 * retries) or, on a {@link PermanentDeliveryException}, rejected; the rest of the batch goes on. Connectors receive
 * the outbox id as idempotency key (see {@link OutboxHeaders}).
 */
public class OutboxDispatcherRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "outbox-dispatcher";
    public static final String MESSAGE_ROUTE_ID = "outbox-dispatch-message";
    static final String DISPATCH_MESSAGE = "direct:outbox-dispatch-message";
    private static final String HELD_BACK_BECAUSE = "CxloopHeldBackBecause";
    private static final String POSTPONED_UNTIL = "CxloopPostponedUntil";

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcherRoutes.class);

    private final OutboxStore store;
    private final OutboxProperties properties;
    private final DispatchGuard guard;
    private final OutboxWakeUp wakeUp;

    public OutboxDispatcherRoutes(OutboxStore store, OutboxProperties properties) {
        this(store, properties, DispatchGuard.ALLOW_ALL);
    }

    public OutboxDispatcherRoutes(OutboxStore store, OutboxProperties properties, DispatchGuard guard) {
        this(store, properties, guard, new OutboxWakeUp());
    }

    public OutboxDispatcherRoutes(
            OutboxStore store, OutboxProperties properties, DispatchGuard guard, OutboxWakeUp wakeUp) {
        this.store = store;
        this.properties = properties;
        this.guard = guard;
        this.wakeUp = wakeUp;
    }

    @Override
    public void configure() {
        // one thread claims, one batch at a time: the timer fires again as soon as the previous exchange is done, which
        // then waits for a wake-up or the poll interval (await-due)
        from("timer:outbox-dispatcher?delay=0&period=1")
                .routeId(ROUTE_ID)
                .autoStartup(properties.dispatchEnabled())
                // e.g. the database is away: try again on the next tick
                .onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.WARN, log, "Outbox dispatch failed: ${exception.message}")
                .end()
                .process(new AwaitDue(wakeUp, properties.pollInterval()))
                .id("await-due")
                .process(this::claimDue)
                .id("claim-due")
                // the messages of a batch go to their connectors side by side, each on its own claim; the next tick
                // waits until the whole batch is done, so one node never claims while it still dispatches
                .split(body())
                .parallelProcessing(properties.dispatchThreads() > 1)
                .executorService(getContext()
                        .getExecutorServiceManager()
                        .newFixedThreadPool(this, "outbox-dispatch", properties.dispatchThreads()))
                .to(DISPATCH_MESSAGE)
                .id("dispatch-message")
                .end();

        from(DISPATCH_MESSAGE)
                .routeId(MESSAGE_ROUTE_ID)
                .onException(Exception.class)
                .handled(true)
                .process(this::markFailedByException)
                .id("mark-failed")
                .end()
                .process(this::identify)
                .id("identify-message")
                .process(this::checkContactPolicy)
                .id("check-contact-policy")
                .choice()
                .when(exchangeProperty(POSTPONED_UNTIL).isNotNull())
                .process(this::markPostponed)
                .id("mark-postponed")
                .when(exchangeProperty(HELD_BACK_BECAUSE).isNotNull())
                .process(this::markSuppressed)
                .id("mark-suppressed")
                .when(header(OutboxHeaders.CHANNEL).isEqualTo("EMAIL"))
                .to(EmailRoutes.ENDPOINT)
                .id("to-email-connector")
                .process(this::markSent)
                .id("mark-sent")
                .when(header(OutboxHeaders.CHANNEL).isEqualTo("SMS"))
                .to(SmsRoutes.ENDPOINT)
                .id("to-sms-connector")
                .process(this::markSent)
                .id("mark-sms-sent")
                .when(header(OutboxHeaders.CHANNEL).isEqualTo("CALL_QUEUE"))
                .to(CallQueueRoutes.ENDPOINT)
                .id("to-call-queue-connector")
                .process(this::markSent)
                .id("mark-call-queued")
                .otherwise()
                .process(this::markNoConnector)
                .id("mark-no-connector")
                .end();
    }

    private void claimDue(Exchange exchange) {
        if (exchange.getProperty(AwaitDue.STOPPING, false, Boolean.class)) {
            exchange.getMessage().setBody(List.of());
            return;
        }
        List<OutboxMessage> claimed = store.claimDue(properties.batchSize());
        if (claimed.size() >= properties.batchSize()) {
            // probably more are due: claim again right after this batch instead of after a poll interval
            wakeUp.messageDue();
        }
        exchange.getMessage().setBody(claimed);
    }

    private void identify(Exchange exchange) throws Exception {
        OutboxMessage message = exchange.getMessage().getMandatoryBody(OutboxMessage.class);
        // a property as well: connectors may replace the headers (e.g. with an HTTP response's)
        exchange.setProperty(OutboxHeaders.OUTBOX_ID, message.id());
        exchange.getMessage().setHeader(OutboxHeaders.OUTBOX_ID, message.id());
        exchange.getMessage().setHeader(OutboxHeaders.CHANNEL, message.channel());
    }

    private void checkContactPolicy(Exchange exchange) throws Exception {
        OutboxMessage message = exchange.getMessage().getMandatoryBody(OutboxMessage.class);
        DispatchGuard.Verdict verdict = guard.check(message);
        if (!verdict.allowed()) {
            exchange.setProperty(HELD_BACK_BECAUSE, verdict.reason() == null ? "contact policy" : verdict.reason());
            if (verdict.postponed()) {
                exchange.setProperty(POSTPONED_UNTIL, verdict.notBefore());
            }
        }
    }

    private void markPostponed(Exchange exchange) {
        store.postpone(
                outboxId(exchange),
                exchange.getProperty(POSTPONED_UNTIL, Instant.class),
                exchange.getProperty(HELD_BACK_BECAUSE, String.class));
    }

    private void markSuppressed(Exchange exchange) {
        String id = outboxId(exchange);
        String reason = exchange.getProperty(HELD_BACK_BECAUSE, String.class);
        log.info("Outbox message {} suppressed: {}", id, reason);
        store.markSuppressed(id, reason);
    }

    private static String outboxId(Exchange exchange) {
        String id = exchange.getProperty(OutboxHeaders.OUTBOX_ID, String.class);
        return id != null ? id : exchange.getMessage().getHeader(OutboxHeaders.OUTBOX_ID, String.class);
    }

    private void markSent(Exchange exchange) {
        String id = outboxId(exchange);
        String providerMessageId = exchange.getMessage().getHeader(OutboxHeaders.PROVIDER_MESSAGE_ID, String.class);
        store.markSent(id, providerMessageId);
        log.debug("Outbox message {} sent as {}", id, providerMessageId);
    }

    private void markNoConnector(Exchange exchange) {
        String id = outboxId(exchange);
        String channel = exchange.getMessage().getHeader(OutboxHeaders.CHANNEL, String.class);
        log.warn("Outbox message {} not dispatched: no connector for channel {}", id, channel);
        store.markRejected(id, "no connector for channel " + channel);
    }

    private void markFailedByException(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String id = outboxId(exchange);
        if (id == null && exchange.getMessage().getBody() instanceof OutboxMessage message) {
            id = message.id();
        }
        String error = describe(failure);
        if (id == null) {
            log.warn("Outbox message without id failed: {}", error);
        } else if (failure instanceof PermanentDeliveryException) {
            log.warn("Outbox message {} rejected: {}", id, error);
            store.markRejected(id, error);
        } else {
            log.warn("Outbox message {} failed: {}", id, error);
            store.markFailed(id, error);
        }
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown error";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }
}
