package io.cxloop.engine.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The time limit on uploaded rules counts what the rules compute, so that a busy node does not reject them. */
class TimeLimitTest {

    private final CountDownLatch never = new CountDownLatch(1);

    @Test
    void rulesThatFinishGiveTheirResult() {
        assertThat(TimeLimit.run("The scenario tests", Duration.ofSeconds(10), () -> "passed"))
                .isEqualTo("passed");
    }

    @Test
    void rulesThatComputeForeverAreStoppedAtTheLimit() {
        assertThatThrownBy(() -> TimeLimit.run("The scenario tests", Duration.ofMillis(200), () -> {
                    long spins = 0;
                    while (spins >= 0) {
                        spins++;
                    }
                    return spins;
                }))
                .isInstanceOf(TimeLimit.Exceeded.class)
                .hasMessage("The scenario tests did not finish within 200 ms and was stopped: a rule, condition or"
                        + " function never ends (e.g. an endless loop)");
    }

    @Test
    void timeTheRulesSpendWaitingDoesNotCountAgainstTheLimit() {
        // as when the rules' thread waits for a processor: longer than the limit, shorter than the clock's allowance
        String result = TimeLimit.run("The scenario tests", Duration.ofSeconds(1), () -> {
            awaitNever(Duration.ofMillis(1500));
            return "passed";
        });

        assertThat(result).isEqualTo("passed");
    }

    @Test
    void rulesThatWaitForeverAreStoppedByTheClock() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> TimeLimit.run("The scenario tests", Duration.ofMillis(100), () -> {
                    awaitNever(Duration.ofDays(1));
                    return "passed";
                }))
                .isInstanceOf(TimeLimit.Exceeded.class)
                .hasMessageStartingWith("The scenario tests did not finish within 100 ms and was stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(100L * TimeLimit.WALL_CLOCK_FACTOR));
    }

    private void awaitNever(Duration howLong) {
        try {
            never.await(howLong.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
