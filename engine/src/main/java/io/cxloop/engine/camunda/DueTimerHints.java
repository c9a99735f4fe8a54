package io.cxloop.engine.camunda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * Wakes this node's job executor when a timer created here comes due, instead of leaving the timer to the next
 * acquisition: an idle job executor polls every {@code wait-time-in-millis} (1 s), growing to {@code max-wait} (10 s),
 * so a campaign's delay timer ran up to seconds late (event → dispatched p99 1.7 s beyond the delay on the idle
 * machine, docs/benchmarks.md). Polling more often would cost every node a query per interval whether or not anything
 * is due; a hint costs one acquisition when a timer is due. Camunda hints by itself only for jobs due before the next
 * poll.
 *
 * <p>Hints are kept for timers due within {@link #HORIZON} (a campaign's delay of hours is picked up by polling, seconds
 * late at most, which no one notices), rounded up to {@link #BUCKET_MILLIS} so that timers due together wake the
 * executor once, and at most {@link #MAX_PENDING} at a time. A hint is registered when the timer's transaction
 * commits; one that is lost (the node stops) only leaves the timer to polling, as before. Another node may run the
 * timer first: the hint then finds nothing to do.
 */
final class DueTimerHints extends AbstractProcessEnginePlugin implements AutoCloseable {

    static final Duration HORIZON = Duration.ofMinutes(5);
    static final long BUCKET_MILLIS = 10;
    static final int MAX_PENDING = 50_000;

    private final ConcurrentSkipListSet<Long> pending = new ConcurrentSkipListSet<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private final LongSupplier currentTimeMillis;
    private volatile JobExecutor jobExecutor;

    DueTimerHints() {
        this(System::currentTimeMillis);
    }

    DueTimerHints(LongSupplier currentTimeMillis) {
        this.currentTimeMillis = currentTimeMillis;
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "cxloop-due-timer-hints");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return JobManager.class;
            }

            @Override
            public Session openSession() {
                return new HintingJobManager(DueTimerHints.this);
            }
        });
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        jobExecutor = configuration.getJobExecutor();
    }

    /** Wakes the job executor at the due date (rounded up to the bucket), if it falls within the horizon. */
    void dueAt(Date dueDate) {
        long at = Math.floorDiv(dueDate.getTime() + BUCKET_MILLIS - 1, BUCKET_MILLIS) * BUCKET_MILLIS;
        long delay = at - currentTimeMillis.getAsLong();
        if (delay > HORIZON.toMillis() || pending.size() >= MAX_PENDING || scheduler.isShutdown()) {
            return;
        }
        if (pending.add(at)) {
            scheduler.schedule(
                    () -> {
                        pending.remove(at);
                        wake();
                    },
                    Math.max(0, delay),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** How many distinct wake-ups are waiting. */
    int pending() {
        return pending.size();
    }

    private void wake() {
        JobExecutor executor = jobExecutor;
        if (executor != null && executor.isActive()) {
            executor.jobWasAdded();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        pending.clear();
    }

    @Override
    public String toString() {
        return "due timer hints";
    }

    /** Camunda's job manager, telling the hints about every timer it schedules, once the transaction committed. */
    static final class HintingJobManager extends JobManager {

        private final DueTimerHints hints;

        HintingJobManager(DueTimerHints hints) {
            this.hints = hints;
        }

        @Override
        public void schedule(TimerEntity timer) {
            super.schedule(timer);
            Date dueDate = timer.getDuedate();
            CommandContext commandContext = Context.getCommandContext();
            if (dueDate != null && commandContext != null) {
                commandContext
                        .getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> hints.dueAt(dueDate));
            }
        }
    }
}
