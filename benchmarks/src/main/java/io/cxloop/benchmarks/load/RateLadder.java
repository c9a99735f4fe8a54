package io.cxloop.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

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

    /**
     * The JVM's CPU time per second while no load is offered (the job acquisition's and the outbox's polling, the
     * JIT, the GC), measured over a few idle seconds: subtracted from a step's CPU time, it leaves what the
     * completions cost.
     */
    static double idleCpuNanosPerSecond() {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        try {
            Thread.sleep(IDLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return (cpuNanos() - cpu) / ((System.nanoTime() - start) / 1e9);
    }

    private static final java.time.Duration IDLE = java.time.Duration.ofSeconds(5);

    /**
     * How long the JIT's compilations took so far (the harness runs in the engine's JVM), in milliseconds; 0 if not
     * measured. Elapsed time of each compilation, summed over the compiler threads: not their CPU time, and more than
     * it while the machine is busy; 0 in a slice means nothing was compiled.
     */
    static long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** What a step of {@code completed} completions over {@code elapsedSeconds} cost, per completion. */
    record Cost(double cpuMillis, double netCpuMillis, double statements, double roundTrips, double commits) {

        static Cost since(
                long cpuBefore,
                SqlCounter.Snapshot sqlBefore,
                double idleCpuNanosPerSecond,
                double elapsedSeconds,
                long completed) {
            double n = Math.max(1, completed);
            long cpu = cpuNanos() - cpuBefore;
            SqlCounter.Snapshot sql = SqlCounter.INSTANCE.snapshot().minus(sqlBefore);
            return new Cost(
                    cpu / 1e6 / n,
                    Math.max(0, cpu - idleCpuNanosPerSecond * elapsedSeconds) / 1e6 / n,
                    sql.statements() / n,
                    sql.roundTrips() / n,
                    sql.commits() / n);
        }
    }

    /**
     * How the ladder warms up: at {@code rate} (0: the ladder's lowest rate), for {@code length} at once; or,
     * {@code untilSettled}, in slices of a step's length until the engine settled (see {@link #settled}), for
     * {@code length} at most. On two cores the JIT needs minutes under load: a 60 s warm-up left the next two minutes
     * of an end-to-end run on PostgreSQL at 29 ms of CPU per event, the third at 19 ms, and after 180 s the CPU per
     * event still fell from step to step (docs/benchmarks.md, session 9), so a fixed length is a guess. One close pair
     * is not enough: a warm-up on PostgreSQL went 36.3 → 24.2 → 22.0 ms and its first step still cost 15.6 (session 11).
     * Nor is the CPU per event alone: at a rate that keeps both cores busy, the JIT's threads get little of them, and a
     * warm-up on PostgreSQL at 50/s "settled" at 38 ms of CPU per event while its compilations took 84 s of every
     * minute (session 13); a rate with room to spare lets the JIT finish. Too low a rate misleads too: the JIT's second
     * compiler takes a method only after thousands of calls, and much of an event's code runs once per event, so at
     * 20 events/s the JIT fell quiet after 8 minutes and compiled for 12-14 s of every 30 once the ladder went to 50/s.
     */
    record WarmUp(Duration length, boolean untilSettled, int rate) {

        WarmUp(Duration length, boolean untilSettled) {
            this(length, untilSettled, 0);
        }

        int rate(List<Integer> rates) {
            return rate > 0 ? rate : rates.get(0);
        }
    }

    /** How close two warm-up slices' CPU per event (less idle) must be for the warm-up to be over. */
    static final double SETTLED = 0.10;

    /** The most of the last warm-up slice's time the JIT's compilations may have taken for the warm-up to be over. */
    static final double JIT_QUIET = 0.05;

    /**
     * Offers the rates one after another, each for {@code stepDuration}, until one is not sustained; first the warm-up
     * ({@code load.warm-up-seconds}, {@code load.warm-up-until-settled}, {@code load.warm-up-rate}).
     */
    static Climb climb(
            List<Integer> rates, Duration stepDuration, WarmUp warmUp, BiFunction<Integer, Duration, Step> step) {
        return climb(rates, stepDuration, warmUp, step, RateLadder::jitMillis);
    }

    /** {@link #climb}, with the JIT's clock given. */
    static Climb climb(
            List<Integer> rates,
            Duration stepDuration,
            WarmUp warmUp,
            BiFunction<Integer, Duration, Step> step,
            LongSupplier jitMillis) {
        List<Step> warmUps = new ArrayList<>();
        List<Duration> jit = new ArrayList<>();
        Duration slice = warmUp.untilSettled() ? stepDuration : warmUp.length();
        Duration spent = Duration.ZERO;
        // a fixed warm-up is one slice of its whole length: the length ends it after the first
        while (!slice.isZero() && spent.plus(slice).compareTo(warmUp.length()) <= 0 && !settled(warmUps, jit, slice)) {
            long jitBefore = jitMillis.getAsLong();
            warmUps.add(step.apply(warmUp.rate(rates), slice));
            jit.add(Duration.ofMillis(jitMillis.getAsLong() - jitBefore));
            spent = spent.plus(slice);
        }
        List<Step> steps = new ArrayList<>();
        for (int rate : rates) {
            long jitBefore = jitMillis.getAsLong();
            Step result = step.apply(rate, stepDuration);
            jit.add(Duration.ofMillis(jitMillis.getAsLong() - jitBefore));
            steps.add(result);
            if (!result.sustained()) {
                break;
            }
        }
        return new Climb(warmUps, jit, slice, warmUp.untilSettled(), steps);
    }

    /**
     * Whether the warm-up is over: each of the last two slices cost the CPU per event of the slice before, within
     * {@link #SETTLED}, and the JIT compiled for at most {@link #JIT_QUIET} of the last slice's time.
     */
    static boolean settled(List<Step> warmUps, List<Duration> jit, Duration slice) {
        int n = warmUps.size();
        return n >= 3
                && close(warmUps.get(n - 3), warmUps.get(n - 2))
                && close(warmUps.get(n - 2), warmUps.get(n - 1))
                && jitQuiet(jit.get(n - 1), slice);
    }

    private static boolean jitQuiet(Duration jit, Duration slice) {
        return jit.toMillis() <= JIT_QUIET * slice.toMillis();
    }

    private static boolean close(Step before, Step after) {
        double a = before.cost().netCpuMillis();
        double b = after.cost().netCpuMillis();
        return Math.abs(a - b) <= SETTLED * Math.max(a, b);
    }

    /**
     * A climb: the warm-up's slices (reported, not counted) and the steps, and the JIT's compile time in each slice and
     * step, in that order.
     */
    record Climb(List<Step> warmUps, List<Duration> jit, Duration slice, boolean untilSettled, List<Step> steps) {

        /** The table's rows: the warm-up first, marked as such, then the steps; each ends with the JIT's time. */
        List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < warmUps.size(); i++) {
                List<String> row = new ArrayList<>(warmUps.get(i).row());
                row.set(
                        0,
                        "warm-up" + (warmUps.size() > 1 ? " " + (i + 1) : "") + " at "
                                + warmUps.get(i).rate() + " (" + slice.toSeconds() + " s, not counted)");
                rows.add(row);
            }
            steps.forEach(step -> rows.add(new ArrayList<>(step.row())));
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).add(Report.millis(jit.get(i).toMillis() / 1000.0));
            }
            return rows;
        }

        /** What the warm-up came to, for the report. */
        String warmUpOutcome() {
            if (!untilSettled) {
                return warmUps.isEmpty() ? "No warm-up." : "Warm-up: " + slice.toSeconds() + " s.";
            }
            return settled(warmUps, jit, slice)
                    ? "Warm-up: settled after " + warmUps.size() + " slices of " + slice.toSeconds()
                            + " s (CPU per event within " + Math.round(SETTLED * 100)
                            + " % of the slice before, twice in a row; the JIT compiled for at most "
                            + Math.round(JIT_QUIET * 100) + " % of the last slice)."
                    : "Warm-up: **not settled** within " + warmUps.size() + " slices of " + slice.toSeconds()
                            + " s (load.warm-up-seconds); the steps' CPU per event may still fall"
                            + (warmUps.isEmpty() || jitQuiet(jit.get(warmUps.size() - 1), slice)
                                    ? ""
                                    : ", and the JIT still compiled (a lower load.warm-up-rate leaves it room)")
                            + ".";
        }
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
     * @param cost CPU time of this JVM (engine and load generator) per completion, in ms, also less the idle JVM's
     *     CPU time over the step; SQL statements, round trips and commits of the engine per completion: on a shared
     *     machine steadier measures of cost than the rates
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
            Cost cost,
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
                    Report.millis(cost.cpuMillis()) + " / " + Report.millis(cost.netCpuMillis()),
                    Report.millis(cost.statements()) + " / " + Report.millis(cost.roundTrips()) + " / "
                            + Report.millis(cost.commits()),
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
                    "CPU ms per completion (gross / less idle)",
                    "SQL statements / round trips / commits per completion",
                    "sustained",
                    "load avg",
                    "JIT compiling s");
        }
    }
}
