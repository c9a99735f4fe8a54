package io.cxloop.engine.ruleset;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs uploaded rules (scenario tests, a completeness check) on a thread of their own and gives up after a time limit,
 * so that a rule set that never ends — a {@code while (true)} in a DRL function, a condition that spins — cannot hang
 * the request that uploads or tests it. Loops of rules re-activating each other are stopped earlier, by the engines'
 * limit on rule firings per decision.
 *
 * <p>The limit counts the computing time of the rules' thread, not the clock: on a busy node (a timer drain, other
 * uploads) the thread waits for a processor, and rules that finish — or that the firing limit stops — would otherwise
 * be rejected as never ending, depending on the load. A thread that waits instead of computing is stopped by the clock
 * at {@value #WALL_CLOCK_FACTOR} times the limit. Where the JVM cannot measure a thread's computing time, the clock
 * alone decides, at the limit.
 *
 * <p>Java cannot interrupt a loop that never looks at its interrupt flag. A runaway thread is stopped with {@link
 * Thread#stop()} where the JVM still supports it (Java 17 to 19); it only ever runs a rejected candidate's rules, whose
 * state is thrown away. On a JVM without it, the thread is left to spin (as a daemon at the lowest priority) until the
 * node restarts, and the log says so.
 */
final class TimeLimit {

    private static final Logger log = LoggerFactory.getLogger(TimeLimit.class);

    /** How many times the limit a run may take by the clock, waiting for a processor included. */
    static final int WALL_CLOCK_FACTOR = 3;

    /** How often the computing time of the rules' thread is looked at. */
    private static final long CHECK_EVERY_MILLIS = 50;

    private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private TimeLimit() {}

    /** The work did not finish in time. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code work} and returns its result.
     *
     * @throws Exceeded when it computes longer than {@code limit}, or takes {@link #WALL_CLOCK_FACTOR} times as long by
     *     the clock; the message names {@code what} and the limit
     */
    static <T> T run(String what, Duration limit, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.set(work.get());
                    } catch (Throwable t) { // rethrown on the caller's thread below
                        failure.set(t);
                    }
                },
                "cxloop-rule-check");
        thread.setDaemon(true);
        thread.start();
        try {
            awaitWithin(thread, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(thread, what);
            throw new IllegalStateException("interrupted while " + what, e);
        }
        if (thread.isAlive()) {
            stop(thread, what);
            throw new Exceeded(what + " did not finish within " + inWords(limit)
                    + " and was stopped: a rule, condition or function never ends (e.g. an endless loop)");
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown);
        }
        return result.get();
    }

    /** Returns when the thread ends, has computed for {@code limit}, or has taken its wall-clock allowance. */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() needs Java 19
    private static void awaitWithin(Thread thread, Duration limit) throws InterruptedException {
        long limitNanos = limit.toNanos();
        boolean measured = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long deadline = System.nanoTime() + (measured ? limitNanos * WALL_CLOCK_FACTOR : limitNanos);
        while (thread.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            thread.join(Math.max(1, Math.min(CHECK_EVERY_MILLIS, left / 1_000_000)));
            if (measured && threads.getThreadCpuTime(thread.getId()) >= limitNanos) {
                return;
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread thread, String what) {
        thread.interrupt();
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) {
            thread.setPriority(Thread.MIN_PRIORITY);
            log.error(
                    "{} runs past its time limit and this JVM cannot stop it; thread {} keeps running until the node"
                            + " restarts",
                    what,
                    thread.getName());
        }
    }

    private static String inWords(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
