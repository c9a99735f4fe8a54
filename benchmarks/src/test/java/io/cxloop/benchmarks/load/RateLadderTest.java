package io.cxloop.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ladder's warm-up and climb, with made-up steps: no engine. */
class RateLadderTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void theLadderStopsAfterTheFirstRateThatWasNotSustained() {
        List<String> offered = new ArrayList<>();
        RateLadder.Climb climb = RateLadder.climb(
                List.of(10, 20, 30, 40),
                Duration.ofSeconds(15),
                new RateLadder.WarmUp(Duration.ofSeconds(90), false),
                (rate, duration) -> {
                    offered.add(rate + " for " + duration.toSeconds() + " s");
                    return step(rate, 1, rate <= 20);
                },
                new JitClock(4_500, 0, 1_200, 0));
        List<RateLadder.Step> steps = climb.steps();

        // the first rate once more as warm-up, for as long as the warm-up lasts
        assertThat(offered).containsExactly("10 for 90 s", "10 for 15 s", "20 for 15 s", "30 for 15 s");
        assertThat(RateLadder.highestSustained(steps)).isEqualTo(20);
        assertThat(steps.get(2).row()).contains("no");
        assertThat(climb.rows()).hasSize(4);
        assertThat(climb.rows().get(0).get(0)).isEqualTo("warm-up at 10 (90 s, not counted)");
        // the JIT's compile time ends each row: the warm-up's and the steps'
        assertThat(climb.rows()).extracting(row -> row.get(row.size() - 1)).containsExactly("4.5", "0.0", "1.2", "0.0");
        assertThat(RateLadder.Step.headers("REST ack", "done")).last().isEqualTo("JIT compiling s");
    }

    @Test
    void aWarmUpUntilSettledRunsSlicesUntilTheCpuPerEventStopsFalling() {
        Steps steps = new Steps(31, 25, 19, 18, 17.5, /* the ladder: */ 15, 14);

        RateLadder.Climb climb = RateLadder.climb(
                List.of(40, 50), MINUTE, new RateLadder.WarmUp(Duration.ofMinutes(10), true), steps::next, QUIET);

        // 19 → 18 and 18 → 17.5 are within 10 %: five slices, then the two steps
        assertThat(climb.warmUps())
                .extracting(step -> step.cost().netCpuMillis())
                .containsExactly(31.0, 25.0, 19.0, 18.0, 17.5);
        assertThat(climb.steps()).extracting(step -> step.cost().netCpuMillis()).containsExactly(15.0, 14.0);
        assertThat(steps.offered)
                .containsExactly(
                        "40 for 60 s",
                        "40 for 60 s",
                        "40 for 60 s",
                        "40 for 60 s",
                        "40 for 60 s",
                        "40 for 60 s",
                        "50 for 60 s");
        assertThat(climb.warmUpOutcome()).startsWith("Warm-up: settled after 5 slices of 60 s");
        assertThat(climb.rows().get(4).get(0)).isEqualTo("warm-up 5 at 40 (60 s, not counted)");
    }

    @Test
    void oneCloseSliceInTheMiddleOfTheFallDoesNotEndTheWarmUp() {
        // session 11's warm-up on PostgreSQL: 24.2 → 22.0 is within 10 %, but the CPU per event went on falling
        Steps steps = new Steps(36.3, 24.2, 22.0, 16.0, 15.5, 15.2, /* the ladder: */ 15);

        RateLadder.Climb climb = RateLadder.climb(
                List.of(50), MINUTE, new RateLadder.WarmUp(Duration.ofMinutes(10), true), steps::next, QUIET);

        assertThat(climb.warmUps())
                .extracting(step -> step.cost().netCpuMillis())
                .containsExactly(36.3, 24.2, 22.0, 16.0, 15.5, 15.2);
        assertThat(climb.warmUpOutcome()).startsWith("Warm-up: settled after 6 slices of 60 s");
    }

    @Test
    void aWarmUpThatDoesNotSettleStopsAtItsLength() {
        Steps steps = new Steps(40, 30, 20, /* the ladder: */ 15);

        RateLadder.Climb climb = RateLadder.climb(
                List.of(40), MINUTE, new RateLadder.WarmUp(Duration.ofSeconds(180), true), steps::next, QUIET);

        assertThat(climb.warmUps()).hasSize(3);
        assertThat(climb.steps()).hasSize(1);
        assertThat(climb.warmUpOutcome()).contains("**not settled** within 3 slices");
    }

    @Test
    void aFixedWarmUpIsOneSliceOfItsLength() {
        Steps steps = new Steps(40, /* the ladder: */ 15, 14);

        RateLadder.Climb climb = RateLadder.climb(
                List.of(40, 50), MINUTE, new RateLadder.WarmUp(Duration.ofSeconds(180), false), steps::next, QUIET);

        assertThat(steps.offered).containsExactly("40 for 180 s", "40 for 60 s", "50 for 60 s");
        assertThat(climb.rows().get(0).get(0)).isEqualTo("warm-up at 40 (180 s, not counted)");
        assertThat(RateLadder.climb(
                                List.of(40),
                                MINUTE,
                                new RateLadder.WarmUp(Duration.ZERO, false),
                                new Steps(15)::next,
                                QUIET)
                        .warmUps())
                .isEmpty();
    }

    @Test
    void aWarmUpIsNotOverWhileTheJitStillCompiles() {
        // session 13 on PostgreSQL at 50/s: the CPU per event was flat while the JIT compiled for more than a core
        Steps steps = new Steps(39.0, 38.9, 37.5, 30.0, 24.0, 22.0, 21.5, 21.0, /* the ladder: */ 20);
        // compile time per slice: 84 s, 60 s, 40 s, 20 s, 10 s, 5 s, 3.1 s (more than 5 % of 60 s), 3 s (5 %)
        JitClock jit = new JitClock(84_000, 60_000, 40_000, 20_000, 10_000, 5_000, 3_100, 3_000, /* the step: */ 9_000);

        RateLadder.Climb climb = RateLadder.climb(
                List.of(50), MINUTE, new RateLadder.WarmUp(Duration.ofMinutes(10), true, 20), steps::next, jit);

        assertThat(climb.warmUps()).hasSize(8).allSatisfy(slice -> assertThat(slice.rate())
                .isEqualTo(20));
        assertThat(steps.offered).last().isEqualTo("50 for 60 s");
        assertThat(climb.warmUpOutcome()).startsWith("Warm-up: settled after 8 slices of 60 s");
        assertThat(climb.rows().get(0)).first().isEqualTo("warm-up 1 at 20 (60 s, not counted)");
        assertThat(climb.rows().get(0)).last().isEqualTo("84.0");
        assertThat(climb.rows().get(8)).last().isEqualTo("9.0");
    }

    @Test
    void aWarmUpCutShortWhileTheJitCompilesSaysSo() {
        Steps steps = new Steps(39.0, 38.9, 38.8, /* the ladder: */ 38);

        RateLadder.Climb climb = RateLadder.climb(
                List.of(50),
                MINUTE,
                new RateLadder.WarmUp(Duration.ofSeconds(180), true),
                steps::next,
                new JitClock(84_000, 80_000, 70_000, 60_000));

        assertThat(climb.warmUps()).hasSize(3);
        assertThat(climb.warmUpOutcome())
                .contains("**not settled**")
                .contains("the JIT still compiled (a lower load.warm-up-rate leaves it room)");
    }

    /** A JIT that never compiles. */
    private static final java.util.function.LongSupplier QUIET = () -> 0;

    /** A JIT clock that advances by the given milliseconds in each warm-up slice and step, in turn. */
    private static final class JitClock implements java.util.function.LongSupplier {

        private final long[] compiledPerSlice;
        private long total;
        private int reads;

        JitClock(long... compiledPerSlice) {
            this.compiledPerSlice = compiledPerSlice;
        }

        @Override
        public long getAsLong() {
            // read before and after each slice and step
            if (reads % 2 == 1) {
                total += compiledPerSlice[reads / 2];
            }
            reads++;
            return total;
        }
    }

    /** Steps that cost the given CPU per event, in turn; all sustained. */
    private static final class Steps {

        final List<String> offered = new ArrayList<>();
        private final Iterator<Double> costs;

        Steps(double... costs) {
            this.costs = Arrays.stream(costs).boxed().iterator();
        }

        RateLadder.Step next(int rate, Duration duration) {
            offered.add(rate + " for " + duration.toSeconds() + " s");
            return step(rate, costs.next(), true);
        }
    }

    private static RateLadder.Step step(int rate, double cpuMillisPerEvent, boolean sustained) {
        return new RateLadder.Step(
                rate,
                rate,
                rate,
                0,
                Duration.ZERO,
                1,
                2,
                3,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                new RateLadder.Cost(cpuMillisPerEvent, cpuMillisPerEvent, 1, 1, 1),
                sustained,
                "0.00");
    }
}
