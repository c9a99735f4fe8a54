package io.cxloop.benchmarks;

import io.cxloop.rules.nba.NextBestAction;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * CPU time and allocation per next-best-action decision on the calling thread, for a shared machine where JMH's
 * throughput moves with other processes' load: the same setup as {@link NextBestActionBenchmark}, measured with the
 * thread's CPU clock and allocation counter instead of the wall clock. Run it as {@code java -cp …
 * io.cxloop.benchmarks.NextBestActionCpu [rounds] [decisionsPerRound] [generatedRules]}; compare builds by running
 * them interleaved.
 */
public final class NextBestActionCpu {

    private NextBestActionCpu() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        NextBestActionBenchmark benchmark = new NextBestActionBenchmark();
        benchmark.generatedRules = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        benchmark.compile();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int sink = 0;
        for (int i = 0; i < 60_000; i++) {
            sink += benchmark.decide().explanations().size();
        }
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < perRound; i++) {
                NextBestAction action = benchmark.decide();
                sink += action.explanations().size();
            }
            double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / perRound;
            double bytes = (double) (threads.getThreadAllocatedBytes(id) - allocated) / perRound;
            System.out.printf(
                    Locale.ROOT, "round %d: %.1f µs CPU, %.0f B allocated per decision%n", round, micros, bytes);
        }
        System.out.println("(" + sink + ")");
    }
}
