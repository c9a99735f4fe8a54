package io.cxloop.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor on a bare engine with a long idle wait (a minute), so that every acquisition the test sees was
 * caused by a hint: a job it is told of is acquired once, not four times, and no job waits for the idle poll. One
 * engine for all tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HintAwareJobExecutorTest {

    private static final int MAX_JOBS_PER_ACQUISITION = 3;

    private final AtomicInteger acquisitions = new AtomicInteger();
    private final ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
    private final DueTimerHints hints = new DueTimerHints();
    private final Blocker blocker = new Blocker();
    private final ProcessEngine engine;

    HintAwareJobExecutorTest() {
        threads.setCorePoolSize(2);
        threads.setMaxPoolSize(2);
        threads.setQueueCapacity(8);
        threads.initialize();
        HintAwareJobExecutor jobExecutor = new HintAwareJobExecutor();
        jobExecutor.setTaskExecutor(threads);
        jobExecutor.setWaitTimeInMillis(60_000);
        jobExecutor.setMaxWait(60_000);
        jobExecutor.setMaxJobsPerAcquisition(MAX_JOBS_PER_ACQUISITION);
        jobExecutor.setAcquireJobsCmdFactory(numJobs -> {
            acquisitions.incrementAndGet();
            return new AcquireJobsCmd(jobExecutor, numJobs);
        });
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:hints-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                        .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                        .setJobExecutorActivate(true)
                        .setProcessEngineName("hints-" + UUID.randomUUID());
        configuration.setJobExecutor(jobExecutor);
        configuration.setBeans(Map.of("blocker", blocker));
        List<ProcessEnginePlugin> plugins = new ArrayList<>();
        plugins.add(hints);
        configuration.setProcessEnginePlugins(plugins);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "async-probe.bpmn",
                        Bpmn.createExecutableProcess("async-probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .serviceTask("Task_Async")
                                .camundaAsyncBefore()
                                .camundaExpression("${true}")
                                .endEvent()
                                .done())
                .addModelInstance(
                        "timer-probe.bpmn",
                        Bpmn.createExecutableProcess("timer-probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .intermediateCatchEvent("Event_Wait")
                                .timerWithDuration("PT0.5S")
                                .endEvent()
                                .done())
                .addModelInstance(
                        "sibling-probe.bpmn",
                        Bpmn.createExecutableProcess("sibling-probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .parallelGateway("Gateway_Fork")
                                .serviceTask("Task_Block")
                                .camundaAsyncBefore()
                                .camundaExpression("${blocker.block()}")
                                .parallelGateway("Gateway_Join")
                                .endEvent()
                                .moveToNode("Gateway_Fork")
                                .intermediateCatchEvent("Event_Go")
                                .message("Message_Go")
                                .serviceTask("Task_After")
                                .camundaAsyncBefore()
                                .camundaExpression("${true}")
                                .connectTo("Gateway_Join")
                                .done())
                .deploy();
        // the acquisition when the job executor started, which found nothing
        await().atMost(Duration.ofSeconds(10)).until(() -> acquisitions.get() >= 1);
    }

    @AfterAll
    void close() {
        blocker.release.countDown();
        engine.close();
        hints.close();
        threads.shutdown();
    }

    @Test
    void aJobItIsToldOfIsAcquiredOnceAndRuns() throws InterruptedException {
        int before = acquisitions.get();

        engine.getRuntimeService().startProcessInstanceByKey("async-probe");

        await().atMost(Duration.ofSeconds(10)).until(this::noInstanceRunning);
        // Camunda acquires once more right after, and again when the job's thread is done; both find nothing
        Thread.sleep(500);
        assertThat(acquisitions.get() - before).isEqualTo(1);
    }

    @Test
    void aTimerDueSoonIsAcquiredWhenItIsDueNotWhenItIsCreated() throws InterruptedException {
        int before = acquisitions.get();

        engine.getRuntimeService().startProcessInstanceByKey("timer-probe");

        // Camunda would wake the job executor now (due within its wait time) to find the timer not yet due
        Thread.sleep(200);
        assertThat(acquisitions.get() - before).isZero();
        await().atMost(Duration.ofSeconds(10)).until(this::noInstanceRunning);
        Thread.sleep(500);
        assertThat(acquisitions.get() - before).isEqualTo(1);
    }

    @Test
    void jobsStartedTogetherAllRunWithoutWaitingForThePoll() throws InterruptedException {
        ExecutorService starters = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 40; i++) {
            starters.execute(() -> engine.getRuntimeService().startProcessInstanceByKey("async-probe"));
        }
        starters.shutdown();
        assertThat(starters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        // a hint lost would leave its job to the poll, a minute away
        await().atMost(Duration.ofSeconds(30)).until(this::noInstanceRunning);
    }

    @Test
    void aJobLeftOutWhileAnotherOfItsInstanceRanIsAcquiredWhenThatOneIsDone() throws InterruptedException {
        engine.getRuntimeService().startProcessInstanceByKey("sibling-probe");
        assertThat(blocker.started.await(10, TimeUnit.SECONDS)).isTrue();

        int before = acquisitions.get();

        engine.getRuntimeService().correlateMessage("Message_Go");

        // the second job's commit woke the acquisition, which left it out: it is exclusive, like the running first one
        await().atMost(Duration.ofSeconds(10)).until(() -> acquisitions.get() > before);
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .activityId("Task_After")
                        .count())
                .isEqualTo(1);
        blocker.release.countDown();

        // the first job's end makes Camunda acquire again, which finds the second (not the poll, a minute away)
        await().atMost(Duration.ofSeconds(30)).until(this::noInstanceRunning);
    }

    @Test
    void onlyAnAcquisitionWithRoomToSpareTookEveryDueJob() {
        assertThat(HintAwareJobExecutor.tookEveryDueJob(cycle(1))).isTrue();
        assertThat(HintAwareJobExecutor.tookEveryDueJob(cycle(0))).isTrue();
        // a full acquisition: more may be due
        assertThat(HintAwareJobExecutor.tookEveryDueJob(cycle(MAX_JOBS_PER_ACQUISITION)))
                .isFalse();
        JobAcquisitionContext rejected = cycle(1);
        rejected.submitRejectedBatch("engine", List.of("job"));
        assertThat(HintAwareJobExecutor.tookEveryDueJob(rejected)).isFalse();
        JobAcquisitionContext failed = cycle(1);
        failed.setAcquisitionException(new IllegalStateException("database away"));
        assertThat(HintAwareJobExecutor.tookEveryDueJob(failed)).isFalse();
        assertThat(HintAwareJobExecutor.tookEveryDueJob(new JobAcquisitionContext()))
                .isFalse();
    }

    private static JobAcquisitionContext cycle(int jobsAcquired) {
        JobAcquisitionContext context = new JobAcquisitionContext();
        AcquiredJobs acquired = new AcquiredJobs(MAX_JOBS_PER_ACQUISITION);
        for (int i = 0; i < jobsAcquired; i++) {
            acquired.addJobIdBatch("job-" + i);
        }
        context.submitAcquiredJobs("engine", acquired);
        return context;
    }

    /** Holds the job that calls it until released. */
    public static final class Blocker {

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        public boolean block() throws InterruptedException {
            started.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }
    }

    private boolean noInstanceRunning() {
        return engine.getRuntimeService().createProcessInstanceQuery().count() == 0;
    }
}
