package io.cxloop.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutTest {

    @Test
    void aCustomerIsAlwaysInTheSameGroupOfATrigger() {
        assertThat(Holdout.groupOf("holdout-01", "checkout-holdout", new BigDecimal("0.5")))
                .isEqualTo(Holdout.CONTROL)
                .isEqualTo(Holdout.groupOf("holdout-01", "checkout-holdout", new BigDecimal("0.5")));
        assertThat(Holdout.groupOf("holdout-03", "checkout-holdout", new BigDecimal("0.5")))
                .isEqualTo(Holdout.TREATED);
    }

    @Test
    void noShareHoldsNobodyOutAndTheShareIsMetOnManyCustomers() {
        assertThat(IntStream.range(0, 1000)
                        .mapToObj(i -> Holdout.groupOf("c" + i, "t", BigDecimal.ZERO))
                        .allMatch(Holdout.TREATED::equals))
                .isTrue();
        long control = IntStream.range(0, 10_000)
                .mapToObj(i -> Holdout.groupOf("c" + i, "t", new BigDecimal("0.2")))
                .filter(Holdout.CONTROL::equals)
                .count();
        assertThat(control).isBetween(1800L, 2200L);
    }

    @Test
    void raisingTheShareOnlyMovesTreatedCustomersIntoControl() {
        IntStream.range(0, 1000).forEach(i -> {
            if (Holdout.CONTROL.equals(Holdout.groupOf("c" + i, "t", new BigDecimal("0.1")))) {
                assertThat(Holdout.groupOf("c" + i, "t", new BigDecimal("0.3"))).isEqualTo(Holdout.CONTROL);
            }
        });
    }

    @Test
    void anOffersGroupsAreIndependentOfTheTriggersGroupsEvenUnderTheSameName() {
        // an offer and a trigger both called "same": without a namespace of their own they would agree on everyone
        long agree = IntStream.range(0, 10_000)
                .filter(i -> Holdout.groupOf("c" + i, "same", new BigDecimal("0.5"))
                        .equals(Holdout.offerGroupOf("c" + i, "same", new BigDecimal("0.5"))))
                .count();
        assertThat(agree).isBetween(4700L, 5300L);
        assertThat(Holdout.offerGroupOf("offer-holdout-01", "holdout-discount", new BigDecimal("0.5")))
                .isEqualTo(Holdout.CONTROL);
        assertThat(Holdout.offerGroupOf("offer-holdout-02", "holdout-discount", new BigDecimal("0.5")))
                .isEqualTo(Holdout.TREATED);
    }
}
