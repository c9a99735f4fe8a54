package io.cxloop.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DueTimerHintsTest {

    private final CountingJobExecutor jobExecutor = new CountingJobExecutor();
    private final DueTimerHints hints = new DueTimerHints();

    DueTimerHintsTest() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJobExecutor(jobExecutor);
        hints.postInit(configuration);
    }

    @AfterEach
    void close() {
        hints.close();
    }

    @Test
    void aTimerDueSoonWakesTheJobExecutorWhenItIsDue() {
        hints.dueAt(new Date(System.currentTimeMillis() + 200));

        assertThat(hints.pending()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jobExecutor.wakeUps.get() == 1);
        assertThat(hints.pending()).isZero();
    }

    @Test
    void timersDueInTheSameMomentWakeItOnce() {
        long due = System.currentTimeMillis() + 60_000;
        due -= due % DueTimerHints.BUCKET_MILLIS;

        hints.dueAt(new Date(due - 1));
        hints.dueAt(new Date(due));
        hints.dueAt(new Date(due + 1));

        assertThat(hints.pending()).isEqualTo(2);
    }

    @Test
    void aTimerDueLaterIsLeftToPolling() {
        hints.dueAt(new Date(System.currentTimeMillis()
                + DueTimerHints.HORIZON.toMillis()
                + Duration.ofMinutes(1).toMillis()));

        assertThat(hints.pending()).isZero();
    }

    @Test
    void aTimerAlreadyDueWakesItAtOnce() {
        hints.dueAt(new Date(System.currentTimeMillis() - 5_000));

        await().atMost(Duration.ofSeconds(10)).until(() -> jobExecutor.wakeUps.get() == 1);
    }

    /** A job executor that only counts how often it was told of a job. */
    private static final class CountingJobExecutor extends JobExecutor {

        final AtomicInteger wakeUps = new AtomicInteger();

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public void jobWasAdded() {
            wakeUps.incrementAndGet();
        }

        @Override
        protected void startExecutingJobs() {}

        @Override
        protected void stopExecutingJobs() {}

        @Override
        public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {}
    }
}
