package io.cxloop.benchmarks.load;

import io.cxloop.engine.customer.CustomerRequest;
import io.cxloop.engine.customer.CustomerService;
import io.cxloop.rules.model.Channel;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * The reconnect campaign end to end through the real REST API: {@code POST /api/events} with a {@code CART_ABANDONED}
 * event for a new customer → trigger match → {@code journey-reconnect} started → its timer (the trigger's delay, set
 * short) fires → next-best-action decision → offer issued and message queued in the outbox → dispatched to the SMTP
 * sink. The customers are created beforehand through the engine's customer service (not measured): an abandoned cart
 * belongs to a known customer.
 */
final class EndToEnd {

    private static final Set<Integer> ACCEPTED = Set.of(202);

    private final EngineUnderTest engine;
    private final SmtpSink smtp;
    private final Duration delay;
    private final HttpClient http;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private double idleCpu;
    private List<List<String>> lastStepStatements = List.of();
    private final java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();

    EndToEnd(EngineUnderTest engine, SmtpSink smtp, Duration delay) {
        this.engine = engine;
        this.smtp = smtp;
        this.delay = delay;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(8))
                .build();
    }

    /** The most frequent SQL statements of the last step, per dispatched message. */
    List<List<String>> lastStepStatements() {
        return lastStepStatements;
    }

    /** The marketer shortens the built-in cart-abandoned trigger's delay, through the REST API. */
    void setTriggerDelay(Duration triggerDelay) {
        String trigger =
                """
                {"key":"cart-abandoned","eventType":"CART_ABANDONED","delay":"%s","goalEventType":"PURCHASE_COMPLETED",
                 "offer":{"percent":15,"validity":"PT24H","freeExpressShipping":true},"channels":["EMAIL"],
                 "template":"reconnect-offer","reEntry":"P7D","active":true}
                """
                        .formatted(triggerDelay);
        HttpResponse<String> response = send(engine.request("/api/triggers/cart-abandoned")
                .PUT(HttpRequest.BodyPublishers.ofString(trigger))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "PUT /api/triggers/cart-abandoned: " + response.statusCode() + " " + response.body());
        }
    }

    RateLadder.Climb climb(List<Integer> rates, Duration step, RateLadder.WarmUp warmUp) {
        setTriggerDelay(delay);
        idleCpu = RateLadder.idleCpuNanosPerSecond();
        return RateLadder.climb(rates, step, warmUp, this::step);
    }

    private RateLadder.Step step(int rate, Duration duration) {
        String prefix = "e2e-" + run + "-" + steps.incrementAndGet() + "-";
        int count = (int) Math.round(rate * duration.toNanos() / 1e9);
        createCustomers(engine, prefix, count);
        long receivedBefore = settleEarlierSteps();

        long cpu = RateLadder.cpuNanos();
        SqlCounter.Snapshot sql = SqlCounter.INSTANCE.snapshot();
        java.util.Map<String, Long> sqlTexts = SqlCounter.INSTANCE.byText();
        OpenLoop.Result result = OpenLoop.run(rate, duration, Duration.ofSeconds(60), i -> http.sendAsync(
                        engine.request("/api/events")
                                .POST(HttpRequest.BodyPublishers.ofString(cartAbandoned(prefix + i)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenAccept(response -> {
                    if (!ACCEPTED.contains(response.statusCode())) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                }));
        long accepted = result.requests() - result.failures() - result.unanswered();
        // the last campaigns' timers are due a delay after the last event
        sleepUntil(result.startNanos() + duration.toNanos() + delay.toNanos());
        long backlog = accepted - received(receivedBefore);
        Duration drained = BareBaseline.waitFor(() -> received(receivedBefore) >= accepted, Duration.ofSeconds(60));
        long sent = received(receivedBefore);
        double elapsed = (System.nanoTime() - result.startNanos() - delay.toNanos()) / 1e9;
        RateLadder.Cost cost = RateLadder.Cost.since(cpu, sql, idleCpu, elapsed + delay.toNanos() / 1e9, sent);

        lastStepStatements = SqlCounter.top(sqlTexts, SqlCounter.INSTANCE.byText(), sent, 30);
        Histogram dispatched = dispatchLatencies(prefix, result);
        settleStep(prefix, accepted, sent, drained);
        return new RateLadder.Step(
                rate,
                result.requests(),
                sent / elapsed,
                backlog,
                drained,
                result.percentileMillis(50),
                result.percentileMillis(95),
                result.percentileMillis(99),
                result.failures() + result.unanswered(),
                dispatched.getValueAtPercentile(50) / 1e3,
                dispatched.getValueAtPercentile(95) / 1e3,
                dispatched.getValueAtPercentile(99) / 1e3,
                cost,
                result.failures() + result.unanswered() == 0
                        && drained != null
                        && drained.compareTo(LoadHarness.GRACE) <= 0,
                Report.loadAverage());
    }

    /**
     * What one event costs end to end, whatever the machine's load: {@code events} events at {@code rate}, then as
     * long as it takes (up to 15 minutes) until every message was dispatched; the JVM's CPU time (gross, and less
     * what the idle engine uses in that time) and the engine's SQL per event.
     */
    Costing cost(int events, int rate) {
        setTriggerDelay(delay);
        String prefix = "cost-" + run + "-";
        createCustomers(engine, prefix, events);
        long receivedBefore = settleEarlierSteps();
        double idle = RateLadder.idleCpuNanosPerSecond();
        long cpu = RateLadder.cpuNanos();
        SqlCounter.Snapshot sql = SqlCounter.INSTANCE.snapshot();
        Map<String, Long> texts = SqlCounter.INSTANCE.byText();
        SqlCounter.Transactions transactions = SqlCounter.INSTANCE.transactions();
        Duration duration = Duration.ofNanos(Math.round(events * 1e9 / rate));
        OpenLoop.Result result = OpenLoop.run(rate, duration, Duration.ofMinutes(5), i -> http.sendAsync(
                        engine.request("/api/events")
                                .POST(HttpRequest.BodyPublishers.ofString(cartAbandoned(prefix + i)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenAccept(response -> {
                    if (!ACCEPTED.contains(response.statusCode())) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                }));
        long accepted = result.requests() - result.failures() - result.unanswered();
        Duration drained = BareBaseline.waitFor(() -> received(receivedBefore) >= accepted, Duration.ofMinutes(15));
        long sent = received(receivedBefore);
        double elapsed = (System.nanoTime() - result.startNanos()) / 1e9;
        RateLadder.Cost cost = RateLadder.Cost.since(cpu, sql, idle, elapsed, sent);
        List<List<String>> top = SqlCounter.top(texts, SqlCounter.INSTANCE.byText(), sent, 40);
        List<List<String>> byThread = SqlCounter.INSTANCE.transactions().since(transactions, sent);
        settleStep(prefix, accepted, sent, drained);
        return new Costing(events, accepted, sent, elapsed, idle / 1e6, cost, top, byThread, Report.loadAverage());
    }

    /** The outcome of {@link #cost}. */
    record Costing(
            int events,
            long accepted,
            long sent,
            double seconds,
            double idleCpuMillisPerSecond,
            RateLadder.Cost cost,
            List<List<String>> topStatements,
            List<List<String>> transactionsByThread,
            String loadAverage) {

        void report(Report report) {
            report.table(
                    List.of(
                            "events",
                            "accepted",
                            "dispatched",
                            "took",
                            "idle engine CPU ms/s",
                            "CPU ms per event (gross / less idle)",
                            "SQL statements / round trips / commits per event",
                            "load avg"),
                    List.of(List.of(
                            String.valueOf(events),
                            String.valueOf(accepted),
                            String.valueOf(sent),
                            Report.millis(seconds) + " s",
                            Report.millis(idleCpuMillisPerSecond),
                            Report.millis(cost.cpuMillis()) + " / " + Report.millis(cost.netCpuMillis()),
                            Report.millis(cost.statements()) + " / " + Report.millis(cost.roundTrips()) + " / "
                                    + Report.millis(cost.commits()),
                            loadAverage)));
            report.line("The engine's transactions per event, by the thread pool that ran them:");
            report.table(List.of("thread pool", "commits", "auto-committed statements"), transactionsByThread);
            report.line("The engine's most frequent SQL statements, per event:");
            report.table(List.of("per event", "statement"), topStatements);
        }
    }

    /** From the event's intended post time to the outbox's sent time, less the trigger's delay, in microseconds. */
    private Histogram dispatchLatencies(String prefix, OpenLoop.Result result) {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        engine.jdbc()
                .query(
                        "select customer_id, sent_at from outbox_message where customer_id like ? and status = 'SENT'",
                        row -> {
                            int i = Integer.parseInt(row.getString(1).substring(prefix.length()));
                            Instant sentAt = row.getObject(2, Timestamp.class).toInstant();
                            long micros =
                                    Duration.between(result.intendedStart(i).plus(delay), sentAt)
                                                    .toNanos()
                                            / 1000;
                            histogram.recordValue(Math.max(0, micros));
                        },
                        prefix + "%");
        return histogram;
    }

    /**
     * Waits for what earlier steps (of any scenario on the run's sink) still owe the sink, so that what it receives
     * during a step is that step's, empties it and returns its count so far.
     */
    private long settleEarlierSteps() {
        if (!smtp.settle(Duration.ofMinutes(5))) {
            throw new IllegalStateException("messages of an earlier step did not reach the SMTP sink within 5 minutes");
        }
        return smtp.delivered();
    }

    /** After a step's figures: if its backlog drained, checks that every message was marked sent once. */
    private void settleStep(String prefix, long accepted, long sent, Duration drained) {
        if (drained != null) {
            checkSentOnce(prefix, sent);
        }
        smtp.expect(accepted);
    }

    /**
     * Messages the SMTP sink received since {@code before}: how the harness sees a step's backlog go. It used to count
     * the outbox's rows marked sent, found by customer prefix, ten times a second while a backlog drained; on H2 that
     * took a whole core from the engine it measured (a third of the JVM's samples) and a single count of a step could
     * take seconds (docs/benchmarks.md, session 9). The outbox is read once per step, afterwards ({@link
     * #checkSentOnce}).
     */
    private long received(long before) {
        return smtp.delivered() - before;
    }

    /**
     * After the measurement of a step whose backlog drained: the outbox marked as many messages sent as the sink
     * received, so none was sent twice and none is missing (the outbox marks a message right after its SMTP dialogue:
     * a moment's wait for the last).
     */
    private void checkSentOnce(String prefix, long received) {
        BareBaseline.waitFor(() -> sent(prefix) >= received, Duration.ofSeconds(10));
        long marked = sent(prefix);
        if (marked != received) {
            throw new IllegalStateException(
                    "the outbox marked " + marked + " messages sent, the SMTP sink received " + received);
        }
    }

    private long sent(String prefix) {
        Long sent = engine.jdbc()
                .queryForObject(
                        "select count(*) from outbox_message where customer_id like ? and status = 'SENT'",
                        Long.class,
                        prefix + "%");
        return sent == null ? 0 : sent;
    }

    /** New customers who agreed to e-mail, through the engine's customer service, eight at a time. */
    static void createCustomers(EngineUnderTest engine, String prefix, int count) {
        CustomerService customers = engine.bean(CustomerService.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(IntStream.range(0, count)
                            .mapToObj(i -> CompletableFuture.runAsync(
                                    () -> customers.save(prefix + i, customer(prefix + i)), pool))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * How many addresses the customers of a run share. GreenMail, the harness's SMTP sink, makes a user and a mailbox
     * for every new recipient and looks a recipient's mailbox up by going through all of them: with an address per
     * customer the sink's work per message grew with every customer of the run, and it took half of the harness JVM's
     * CPU samples while a backlog was dispatched (docs/benchmarks.md, session 9). The engine does nothing by address.
     */
    static final int SINK_ADDRESSES = 16;

    static CustomerRequest customer(String customerId) {
        return new CustomerRequest(
                "Lena",
                "Schmidt",
                "customer-" + Math.floorMod(customerId.hashCode(), SINK_ADDRESSES) + "@example.com",
                "+4917012345678",
                "de",
                middayZone(),
                Map.of(Channel.EMAIL, true, Channel.SMS, false),
                null);
    }

    /**
     * A time zone where it is about one o'clock in the afternoon now, far from the contact policy's quiet hours
     * (21:00–08:00): with a fixed zone (it was Europe/Berlin) a run at night postponed every message until the morning
     * and measured nothing.
     */
    static String middayZone() {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(13 - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    private static String cartAbandoned(String customerId) {
        return """
                {"eventId":"evt-%s","customerId":"%s","type":"CART_ABANDONED","occurredAt":"%s",
                 "attributes":{"cartValue":89.90,"currency":"EUR",
                 "items":[{"sku":"SNK-42","name":"Everyday sneakers","quantity":1,"price":89.90}]}}
                """
                .formatted(customerId, customerId, Instant.now());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }
}
