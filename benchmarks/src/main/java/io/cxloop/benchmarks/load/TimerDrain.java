package io.cxloop.benchmarks.load;

import io.cxloop.engine.customer.CustomerService;
import io.cxloop.engine.event.EventAttributes;
import io.cxloop.engine.event.JourneyEventRequest;
import io.cxloop.engine.event.JourneyEventService;
import io.cxloop.engine.journey.JourneyEventType;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many campaign timers due at once. {@code load.campaigns} real {@code journey-reconnect} campaigns are started through
 * the engine's own event service (the code behind {@code POST /api/events}, without HTTP: the fast path) with the
 * trigger's delay at 24 hours, so they all wait on their timer; the heap is measured then. Then every one of those
 * timers is made due at once ({@code ACT_RU_JOB.DUEDATE_} set to now), and the job executor drains them: per campaign
 * one job, the timer's, which runs the decision and the offer-and-outbox step (three jobs until session 5, so compare
 * campaigns/s across sessions). Afterwards each campaign must have exactly one
 * decision and one outbox message, and no job may have failed.
 */
final class TimerDrain {

    /** The jobs of a campaign from its delay timer to its queued message: the timer's job runs all the steps. */
    static final int JOBS_PER_CAMPAIGN = 1;

    private static final int CALLERS = 8;

    private final EngineUnderTest engine;
    private final SmtpSink smtp;
    private final JdbcTemplate jdbc;
    private final String prefix = "drain-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    TimerDrain(EngineUnderTest engine, SmtpSink smtp) {
        this.engine = engine;
        this.smtp = smtp;
        this.jdbc = engine.jdbc();
    }

    Result run(int campaigns, EndToEnd endToEnd, Report report) {
        endToEnd.setTriggerDelay(Duration.ofHours(24));
        smtp.purge();
        long heapBefore = usedHeapAfterGc();
        String loadBefore = Report.loadAverage();

        long createStart = System.nanoTime();
        long createCpu = RateLadder.cpuNanos();
        SqlCounter.Snapshot createSql = SqlCounter.INSTANCE.snapshot();
        startWaitingCampaigns(campaigns, report);
        Duration creation = Duration.ofNanos(System.nanoTime() - createStart);
        RateLadder.Cost createCost = RateLadder.Cost.since(createCpu, createSql, 0, 0, campaigns);
        long waiting = count("select count(*) from act_ru_job where job_def_id_ in (" + DELAY_TIMERS + ")");
        smtp.purge();
        long heapWaiting = usedHeapAfterGc();
        report.line(
                "%d waiting campaigns started in %.1f s (%.1f/s, through JourneyEventService, %d callers); %d delay"
                        + " timers waiting. Heap after GC: %d MB before, %d MB with them waiting.",
                campaigns,
                creation.toMillis() / 1000.0,
                campaigns * 1e9 / creation.toNanos(),
                CALLERS,
                waiting,
                heapBefore >> 20,
                heapWaiting >> 20);
        report.line(
                "Per campaign started (customer saved and event accepted): %s ms CPU, %s SQL statements, %s round"
                        + " trips, %s commits.",
                Report.millis(createCost.cpuMillis()),
                Report.millis(createCost.statements()),
                Report.millis(createCost.roundTrips()),
                Report.millis(createCost.commits()));

        Instant now = Instant.now();
        long drainCpu = RateLadder.cpuNanos();
        SqlCounter.Snapshot drainSql = SqlCounter.INSTANCE.snapshot();
        java.util.Map<String, Long> drainTexts = SqlCounter.INSTANCE.byText();
        long drainStart = System.nanoTime();
        int due = jdbc.update(
                "update act_ru_job set duedate_ = ? where job_def_id_ in (" + DELAY_TIMERS + ") and duedate_ > ?",
                Timestamp.from(now),
                Timestamp.from(now));
        String loadAtStart = Report.loadAverage();
        Duration patience = Duration.ofSeconds(120 + campaigns / 20);
        Duration drained = BareBaseline.waitFor(
                () -> count("select count(*) from outbox_message where customer_id like ?", prefix + "%") >= campaigns,
                patience);
        double seconds = (System.nanoTime() - drainStart) / 1e9;
        long done = count("select count(*) from outbox_message where customer_id like ?", prefix + "%");
        RateLadder.Cost drainCost = RateLadder.Cost.since(drainCpu, drainSql, 0, 0, done * JOBS_PER_CAMPAIGN);

        Result result = new Result(
                campaigns,
                due,
                drained,
                done * JOBS_PER_CAMPAIGN / seconds,
                done / seconds,
                count(
                        "select count(*) from (select campaign_id from decision where customer_id like ?"
                                + " group by campaign_id having count(*) > 1) twice",
                        prefix + "%"),
                count("select count(distinct campaign_id) from decision where customer_id like ?", prefix + "%"),
                count(
                        "select count(*) from (select campaign_id from outbox_message where customer_id like ?"
                                + " group by campaign_id having count(*) > 1) twice",
                        prefix + "%"),
                count("select count(distinct campaign_id) from outbox_message where customer_id like ?", prefix + "%"),
                count(
                        "select count(*) from act_hi_actinst a join campaign c on c.process_instance_id = a.proc_inst_id_"
                                + " where c.customer_id like ? and a.act_id_ = 'Task_IssueOfferAndQueueMessage'",
                        prefix + "%"),
                count("select count(*) from act_ru_incident"),
                drainCost,
                heapBefore,
                heapWaiting,
                loadBefore,
                loadAtStart,
                Report.loadAverage());
        report.table(Result.headers(), List.of(result.row()));
        report.line(result.verdict());
        report.line("The engine's most frequent SQL statements during the drain, per job:");
        report.table(
                List.of("per job", "statement"),
                SqlCounter.top(drainTexts, SqlCounter.INSTANCE.byText(), done * JOBS_PER_CAMPAIGN, 30));
        return result;
    }

    private static final String DELAY_TIMERS = "select id_ from act_ru_jobdef where proc_def_key_ = 'journey-reconnect'"
            + " and act_id_ = 'Event_DelayElapsed'";

    private void startWaitingCampaigns(int campaigns, Report report) {
        CustomerService customers = engine.bean(CustomerService.class);
        JourneyEventService events = engine.bean(JourneyEventService.class);
        EventAttributes cart = new EventAttributes(
                new BigDecimal("89.90"),
                "EUR",
                List.of(new EventAttributes.CartItem("SNK-42", "Everyday sneakers", 1, new BigDecimal("89.90"))));
        AtomicInteger started = new AtomicInteger();
        long begin = System.nanoTime();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CompletableFuture.allOf(IntStream.range(0, campaigns)
                            .mapToObj(i -> CompletableFuture.runAsync(
                                    () -> {
                                        String customerId = prefix + i;
                                        customers.save(customerId, EndToEnd.customer(customerId));
                                        events.accept(new JourneyEventRequest(
                                                "evt-" + customerId,
                                                customerId,
                                                JourneyEventType.CART_ABANDONED,
                                                Instant.now(),
                                                cart));
                                        int n = started.incrementAndGet();
                                        if (n % Math.max(1, campaigns / 10) == 0) {
                                            System.out.printf(
                                                    "  %d campaigns waiting (%.0f/s so far, load average %s)%n",
                                                    n, n * 1e9 / (System.nanoTime() - begin), Report.loadAverage());
                                        }
                                    },
                                    callers))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } finally {
            callers.shutdownNow();
        }
    }

    private long count(String sql, Object... parameters) {
        Long count = jdbc.queryForObject(sql, Long.class, parameters);
        return count == null ? 0 : count;
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * What the drain did.
     *
     * @param due the timers made due
     * @param drained from due to every campaign's message queued, {@code null} if not within the patience
     * @param jobsPerSecond timers, decisions and offer steps per second
     * @param decidedTwice campaigns with more than one decision (must be 0)
     * @param messagedTwice campaigns with more than one outbox message (must be 0)
     * @param offerStepRuns committed runs of the offer step (must equal the campaigns)
     */
    record Result(
            int campaigns,
            int due,
            Duration drained,
            double jobsPerSecond,
            double campaignsPerSecond,
            long decidedTwice,
            long decided,
            long messagedTwice,
            long messaged,
            long offerStepRuns,
            long incidents,
            RateLadder.Cost cost,
            long heapBefore,
            long heapWaiting,
            String loadBefore,
            String loadAtStart,
            String loadAtEnd) {

        boolean exactlyOnce() {
            return decidedTwice == 0
                    && messagedTwice == 0
                    && decided == campaigns
                    && messaged == campaigns
                    && offerStepRuns == campaigns
                    && incidents == 0;
        }

        static List<String> headers() {
            return List.of(
                    "campaigns",
                    "timers made due",
                    "drained after",
                    "jobs/s",
                    "campaigns/s",
                    "decisions (twice)",
                    "messages (twice)",
                    "offer step runs",
                    "incidents",
                    "CPU ms per job",
                    "SQL statements / round trips / commits per job",
                    "load avg start/end");
        }

        List<String> row() {
            return List.of(
                    String.valueOf(campaigns),
                    String.valueOf(due),
                    drained == null ? "not within patience" : Report.millis(drained.toMillis() / 1000.0) + " s",
                    Report.rate(jobsPerSecond),
                    Report.rate(campaignsPerSecond),
                    decided + " (" + decidedTwice + ")",
                    messaged + " (" + messagedTwice + ")",
                    String.valueOf(offerStepRuns),
                    String.valueOf(incidents),
                    Report.millis(cost.cpuMillis()),
                    Report.millis(cost.statements()) + " / " + Report.millis(cost.roundTrips()) + " / "
                            + Report.millis(cost.commits()),
                    loadAtStart + " / " + loadAtEnd);
        }

        String verdict() {
            return exactlyOnce()
                    ? "No job ran twice: every campaign has exactly one decision, one outbox message and one committed"
                            + " run of the offer step; no incidents."
                    : "**Not exactly once:** see the decisions, messages and offer step runs above.";
        }
    }
}
