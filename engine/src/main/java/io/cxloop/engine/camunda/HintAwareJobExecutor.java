package io.cxloop.engine.camunda;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;

/**
 * Camunda's Spring job executor without the acquisitions that cannot find anything. Camunda acquires jobs when it is
 * told of one (a transaction committed a due job, or a {@link DueTimerHints due timer hint} fired), and then twice
 * more for nothing:
 *
 * <ul>
 *   <li>right after an acquisition it was told of a job for, whatever that acquisition found;
 *   <li>when a thread finished its batch of jobs, in case a job was left out meanwhile because it is exclusive and a job
 *       of the same process instance was running.
 * </ul>
 *
 * Each is a query and a transaction: four acquisitions for one job where one does. Here the first is skipped when the
 * acquisition had room for every due job and was told of none after its query started (a hint follows its job's
 * commit, so the query saw the job); the second is skipped when no job was committed on this node while the batch
 * ran and the last acquisition left nothing behind. Otherwise both happen as in Camunda. Jobs committed by another
 * node were never hinted here; they are acquired by polling, as before.
 */
public class HintAwareJobExecutor extends SpringJobExecutor {

    /** The hint count when the batch's jobs were acquired; set on a job thread once its batch is done. */
    private static final ThreadLocal<Long> BATCH_DONE = new ThreadLocal<>();

    /** The hint count at the query that acquired each batch, until a thread runs it (a rejected batch is resubmitted). */
    private final Map<List<String>, Long> hintsAtAcquisition = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    protected void ensureInitialization() {
        super.ensureInitialization();
        acquireJobsRunnable = new HintAwareAcquisition(this);
    }

    @Override
    public void jobWasAdded() {
        Long hintsWhenAcquired = BATCH_DONE.get();
        if (hintsWhenAcquired != null) {
            BATCH_DONE.remove();
            if (acquireJobsRunnable instanceof HintAwareAcquisition acquisition
                    && !acquisition.mayHaveLeftJobsSince(hintsWhenAcquired)) {
                return;
            }
        }
        super.jobWasAdded();
    }

    @Override
    public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
        return new ExecuteJobsRunnable(jobIds, processEngine) {

            private Long hintsWhenAcquired;

            @Override
            public void run() {
                hintsWhenAcquired = hintsAtAcquisition.remove(jobIds);
                try {
                    super.run();
                } finally {
                    BATCH_DONE.remove();
                }
            }

            @Override
            protected void executeJob(
                    String jobId, CommandExecutor commandExecutor, JobFailureCollector failureCollector) {
                try {
                    super.executeJob(jobId, commandExecutor, failureCollector);
                } finally {
                    // Camunda tells the acquisition of the thread's end right after the batch's last job
                    if (hintsWhenAcquired != null
                            && Context.getJobExecutorContext()
                                    .getCurrentProcessorJobQueue()
                                    .isEmpty()) {
                        BATCH_DONE.set(hintsWhenAcquired);
                    }
                }
            }
        };
    }

    @Override
    protected void stopExecutingJobs() {
        super.stopExecutingJobs();
        hintsAtAcquisition.clear();
    }

    /** Camunda's acquisition loop, counting hints so that it can tell which came after a query started. */
    class HintAwareAcquisition extends SequentialJobAcquisitionRunnable {

        private final AtomicLong hints = new AtomicLong();
        private long hintsBeforeQuery;
        private volatile boolean leftJobs = true;

        HintAwareAcquisition(SpringJobExecutor jobExecutor) {
            super(jobExecutor);
        }

        @Override
        public void jobWasAdded() {
            hints.incrementAndGet();
            super.jobWasAdded();
        }

        @Override
        protected AcquiredJobs acquireJobs(
                JobAcquisitionContext context, JobAcquisitionStrategy strategy, ProcessEngineImpl engine) {
            if (context.getAcquiredJobsByEngine().isEmpty()) {
                // the cycle's first query: a hint from here on may be for a job it does not see
                hintsBeforeQuery = hints.get();
            }
            AcquiredJobs acquired = super.acquireJobs(context, strategy, engine);
            for (List<String> batch : acquired.getJobIdBatches()) {
                hintsAtAcquisition.put(batch, hintsBeforeQuery);
            }
            return acquired;
        }

        @Override
        protected void configureNextAcquisitionCycle(JobAcquisitionContext context, JobAcquisitionStrategy strategy) {
            leftJobs = !tookEveryDueJob(context);
            if (context.isJobAdded() && hints.get() == hintsBeforeQuery && !leftJobs) {
                context.setJobAdded(false);
            }
            super.configureNextAcquisitionCycle(context, strategy);
        }

        /**
         * Whether an acquisition now might find a job that was left out since a batch was acquired: a hint came after
         * that batch's query started (its job may be exclusive to the batch's process instance), or the last
         * acquisition left jobs behind.
         */
        boolean mayHaveLeftJobsSince(long hintsWhenAcquired) {
            return hints.get() != hintsWhenAcquired || leftJobs;
        }
    }

    /**
     * Whether the cycle took every due job there was: every engine got fewer jobs than it asked for, without a failure
     * and without jobs the executor's queue turned away.
     */
    static boolean tookEveryDueJob(JobAcquisitionContext context) {
        return context.getAcquisitionException() == null
                && context.getRejectedJobsByEngine().isEmpty()
                && !context.getAcquiredJobsByEngine().isEmpty()
                && context.areAllEnginesIdle();
    }
}
