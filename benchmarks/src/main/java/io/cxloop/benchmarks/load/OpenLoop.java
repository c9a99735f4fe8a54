package io.cxloop.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whether or not earlier requests
 * have been answered, and its latency counts from that intended start, so a stalled server shows as latency instead of
 * as fewer requests (no coordinated omission). The request itself must not block: it returns a future.
 */
final class OpenLoop {

    private OpenLoop() {}

    /**
     * Offers {@code rate} requests per second for {@code duration}, then waits up to {@code patience} for the last
     * answers.
     */
    static Result run(double rate, Duration duration, Duration patience, IntFunction<CompletableFuture<?>> request) {
        int count = (int) Math.round(rate * duration.toNanos() / 1e9);
        long interval = Math.round(1e9 / rate);
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(5), 3);
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>(count);
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        long maxLag = 0;
        for (int i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, -wait);
            CompletableFuture<?> answer;
            try {
                answer = request.apply(i);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            pending.add(answer.whenComplete((result, failure) -> {
                latency.recordValue(Math.max(0, System.nanoTime() - intended));
                if (failure != null) {
                    failures.incrementAndGet();
                }
            }));
        }
        long sent = System.nanoTime();
        int unanswered = 0;
        long deadline = sent + patience.toNanos();
        for (CompletableFuture<?> answer : pending) {
            try {
                answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                unanswered++;
            } catch (ExecutionException e) {
                // counted above
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for answers", e);
            }
        }
        return new Result(
                count,
                interval,
                startedAt,
                start,
                Duration.ofNanos(sent - start),
                Duration.ofNanos(maxLag),
                latency.copy(),
                failures.get(),
                unanswered);
    }

    /**
     * What an open-loop run saw.
     *
     * @param requests how many requests were offered
     * @param intervalNanos the time between two intended starts
     * @param startedAt wall-clock time of the first intended start
     * @param startNanos {@link System#nanoTime()} of the first intended start
     * @param sending how long offering took (longer than the duration when the generator itself fell behind)
     * @param maxSendLag the longest a request started after its intended start (the generator's own lag)
     * @param latency from intended start to answer, in nanoseconds
     * @param failures requests that failed (an exception or an unexpected status)
     * @param unanswered requests without an answer within the patience
     */
    record Result(
            int requests,
            long intervalNanos,
            Instant startedAt,
            long startNanos,
            Duration sending,
            Duration maxSendLag,
            Histogram latency,
            long failures,
            int unanswered) {

        /** Wall-clock intended start of request {@code i}. */
        Instant intendedStart(int i) {
            return startedAt.plusNanos(i * intervalNanos);
        }

        double percentileMillis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }
    }
}
