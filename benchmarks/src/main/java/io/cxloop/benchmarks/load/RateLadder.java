package io.cxloop.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Offers one rate after the other, each for a step's time, and stops after the first rate the engine could not
 * sustain: the highest sustained rate is the last step that kept up.
 */
final class RateLadder {

    /** The JVM's CPU time so far, in nanoseconds. */
    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private RateLadder() {}

    static List<Step> climb(List<Integer> rates, IntFunction<Step> step) {
        // warm-up (JIT, caches, connection pools) at the lowest rate; not reported
        step.apply(rates.get(0));
        List<Step> steps = new ArrayList<>();
        for (int rate : rates) {
            Step result = step.apply(rate);
            steps.add(result);
            if (!result.sustained()) {
                break;
            }
        }
        return steps;
    }

    /** The highest rate that was sustained, 0 if none. */
    static int highestSustained(List<Step> steps) {
        return steps.stream().filter(Step::sustained).mapToInt(Step::rate).max().orElse(0);
    }

    /**
     * One rate of the ladder.
     *
     * @param rate offered per second
     * @param offered how many were offered
     * @param completedPerSecond completions per second from the first intended start (plus the campaign delay) until
     *     the backlog was empty or the patience ran out: the throughput, whether or not the engine kept up
     * @param backlog started but not completed when offering ended (plus the campaign delay)
     * @param drainedAfter how long after that the backlog was empty, {@code null} if it was not within the patience
     * @param ackP50 start (or REST acknowledgement) latency from the intended start, ms
     * @param failures failed starts or requests
     * @param doneP50 event to dispatched beyond the campaign delay, ms ({@code NaN} for the bare baseline)
     * @param cpuMillisPerCompletion CPU time of this JVM (engine and load generator) per completion, in ms: on a
     *     shared machine a steadier measure of cost than the rates
     * @param sustained no failures and the backlog drained within the grace time
     * @param loadAverage the machine's load average at the end of the step
     */
    record Step(
            int rate,
            int offered,
            double completedPerSecond,
            long backlog,
            Duration drainedAfter,
            double ackP50,
            double ackP95,
            double ackP99,
            long failures,
            double doneP50,
            double doneP95,
            double doneP99,
            double cpuMillisPerCompletion,
            boolean sustained,
            String loadAverage) {

        List<String> row() {
            return List.of(
                    String.valueOf(rate),
                    String.valueOf(offered),
                    Report.rate(completedPerSecond),
                    String.valueOf(backlog),
                    drainedAfter == null
                            ? "not within patience"
                            : Report.millis(drainedAfter.toMillis() / 1000.0) + " s",
                    Report.millis(ackP50) + " / " + Report.millis(ackP95) + " / " + Report.millis(ackP99),
                    Double.isNaN(doneP50)
                            ? "–"
                            : Report.millis(doneP50) + " / " + Report.millis(doneP95) + " / " + Report.millis(doneP99),
                    String.valueOf(failures),
                    Report.millis(cpuMillisPerCompletion),
                    sustained ? "yes" : "no",
                    loadAverage);
        }

        static List<String> headers(String ack, String done) {
            return List.of(
                    "offered/s",
                    "offered",
                    "completed/s",
                    "backlog at end",
                    "drained after",
                    ack + " p50/p95/p99 ms",
                    done + " p50/p95/p99 ms",
                    "failures",
                    "CPU ms per completion",
                    "sustained",
                    "load avg");
        }
    }
}
