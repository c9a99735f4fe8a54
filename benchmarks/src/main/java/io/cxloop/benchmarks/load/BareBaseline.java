package io.cxloop.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Bare Camunda on the same engine, database and job executor: a process of one asynchronous task, started through the
 * Java API at the same arrival rates as the end-to-end run. A start commits the instance and its job; the job executor
 * runs the task and completes the instance. What the engine does on top of this (REST, rules, outbox, SMTP) is the
 * difference to the end-to-end figures.
 */
final class BareBaseline {

    static final String PROCESS_KEY = "load-baseline";
    /** As many callers as starts may overlap; the web server has 200 threads. */
    private static final int CALLERS = 64;

    private final EngineUnderTest engine;
    private final RuntimeService runtime;
    private double idleCpu;

    BareBaseline(EngineUnderTest engine) {
        this.engine = engine;
        this.runtime = engine.bean(RuntimeService.class);
    }

    /** Deploys the one-task process through the engine's own repository service. */
    void deploy() {
        BpmnModelInstance process = Bpmn.createExecutableProcess(PROCESS_KEY)
                .name("Load baseline")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .manualTask("Task_Work")
                .camundaAsyncBefore()
                .endEvent("EndEvent_Done")
                .done();
        engine.bean(RepositoryService.class)
                .createDeployment()
                .name(PROCESS_KEY)
                .addModelInstance(PROCESS_KEY + ".bpmn", process)
                .enableDuplicateFiltering(false)
                .deploy();
    }

    /** Climbs the rate ladder; every step starts new instances and waits until they completed. */
    RateLadder.Climb climb(List<Integer> rates, Duration step, RateLadder.WarmUp warmUp) {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        idleCpu = RateLadder.idleCpuNanosPerSecond();
        try {
            return RateLadder.climb(rates, step, warmUp, (rate, duration) -> step(rate, duration, callers));
        } finally {
            callers.shutdownNow();
        }
    }

    private RateLadder.Step step(int rate, Duration duration, ExecutorService callers) {
        long cpu = RateLadder.cpuNanos();
        SqlCounter.Snapshot sql = SqlCounter.INSTANCE.snapshot();
        OpenLoop.Result result = OpenLoop.run(
                rate,
                duration,
                Duration.ofSeconds(30),
                i -> CompletableFuture.runAsync(() -> runtime.startProcessInstanceByKey(PROCESS_KEY), callers));
        long started = result.requests() - result.failures() - result.unanswered();
        long backlog = running();
        Duration drained = waitFor(() -> running() == 0, Duration.ofSeconds(60));
        double elapsed = (System.nanoTime() - result.startNanos()) / 1e9;
        long completed = started - running();
        RateLadder.Cost cost = RateLadder.Cost.since(cpu, sql, idleCpu, elapsed, completed);
        return new RateLadder.Step(
                rate,
                result.requests(),
                completed / elapsed,
                backlog,
                drained,
                result.percentileMillis(50),
                result.percentileMillis(95),
                result.percentileMillis(99),
                result.failures() + result.unanswered(),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                cost,
                result.failures() + result.unanswered() == 0
                        && drained != null
                        && drained.compareTo(LoadHarness.GRACE) <= 0,
                Report.loadAverage());
    }

    private long running() {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .count();
    }

    /** How long until the condition held (polled every 100 ms), {@code null} if not within the patience. */
    static Duration waitFor(BooleanSupplier condition, Duration patience) {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
