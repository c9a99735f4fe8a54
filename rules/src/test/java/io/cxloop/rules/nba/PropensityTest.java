package io.cxloop.rules.nba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Beta-prior propensity: (α0 + conversions) / (α0 + β0 + impressions). */
class PropensityTest {

    @Test
    void withoutOutcomesThePropensityIsThePriorsMean() {
        assertThat(Propensity.prior(1, 9).mean()).isEqualTo(0.1);
        assertThat(Propensity.prior(2, 2).mean()).isEqualTo(0.5);
    }

    @Test
    void outcomesAreAddedToThePrior() {
        Propensity learned = Propensity.prior(1, 9).observe(3, 20);

        assertThat(learned.mean()).isCloseTo((1.0 + 3) / (1 + 9 + 20), within(1e-12));
        assertThat(learned.mean()).isCloseTo(0.1333, within(1e-4));
    }

    @Test
    void oneOutcomeMovesThePropensityALittleTowardsIt() {
        Propensity prior = Propensity.prior(1, 9);

        assertThat(prior.observe(true).mean())
                .isCloseTo(2.0 / 11, within(1e-12))
                .isGreaterThan(prior.mean());
        assertThat(prior.observe(false).mean())
                .isCloseTo(1.0 / 11, within(1e-12))
                .isLessThan(prior.mean());
    }

    @Test
    void manyOutcomesOutweighThePrior() {
        Propensity learned = Propensity.prior(1, 9).observe(4_000, 10_000);

        assertThat(learned.mean()).isCloseTo(0.4, within(0.001));
    }

    @Test
    void observingOneByOneEqualsObservingABatch() {
        Propensity oneByOne = Propensity.DEFAULT_PRIOR;
        for (int i = 0; i < 7; i++) {
            oneByOne = oneByOne.observe(i % 3 == 0);
        }

        assertThat(oneByOne).isEqualTo(Propensity.DEFAULT_PRIOR.observe(3, 7));
    }

    @Test
    void thePropensityIsExplainedWithItsEvidence() {
        assertThat(Propensity.prior(1, 9).observe(3, 20).inWords())
                .isEqualTo("0.133 (3 conversions in 20 messages, prior Beta(1, 9))");
        assertThat(Propensity.prior(0.5, 4.5).observe(1, 1).inWords())
                .isEqualTo("0.25 (1 conversion in 1 message, prior Beta(0.5, 4.5))");
    }

    @Test
    void impossibleCountsAndPriorsAreRefused() {
        assertThatThrownBy(() -> new Propensity(1, 9, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Propensity(1, 9, -1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Propensity.prior(0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Propensity.prior(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAreRoundedToThreeDecimalsHalfUpWithoutTrailingZeros() {
        assertThat(Propensity.round(0.1)).isEqualTo("0.1");
        assertThat(Propensity.round(0.1152)).isEqualTo("0.115");
        assertThat(Propensity.round(12)).isEqualTo("12");
        assertThat(Propensity.round(0)).isEqualTo("0");
        assertThat(Propensity.round(0.0004)).isEqualTo("0");
        assertThat(Propensity.round(2.05)).isEqualTo("2.05");
        assertThat(Propensity.round(1234567.8915)).isEqualTo("1234567.892");
        // ties as written, although the nearest doubles lie a little below (1.0005, 2.675) or above (0.0005)
        assertThat(Propensity.round(1.0005)).isEqualTo("1.001");
        assertThat(Propensity.round(2.6745)).isEqualTo("2.675");
        assertThat(Propensity.round(0.0005)).isEqualTo("0.001");
        assertThat(Propensity.round(-0.0015)).isEqualTo("-0.002");
    }

    @Test
    void roundingAgreesWithDecimalArithmeticEverywhere() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double value =
                    switch (i % 6) {
                        case 0 -> random.nextDouble();
                        case 1 -> random.nextDouble() * 100;
                        case 2 -> random.nextInt(2_000_000) / 2000.0; // every tie and every exact thousandth
                        case 3 -> Math.nextUp(random.nextInt(2_000_000) / 2000.0);
                        case 4 -> Math.nextDown(random.nextInt(2_000_000) / 2000.0);
                        default ->
                            Propensity.prior(1 + random.nextInt(3), 9)
                                            .observe(random.nextInt(50), 50 + random.nextInt(500))
                                            .mean()
                                    * random.nextInt(20)
                                    * (random.nextBoolean() ? 1 : 1.5);
                    };
            assertThat(Propensity.round(value)).as("%s", value).isEqualTo(Propensity.roundDecimal(value));
        }
    }
}
