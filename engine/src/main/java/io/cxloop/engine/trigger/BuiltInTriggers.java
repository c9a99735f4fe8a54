package io.cxloop.engine.trigger;

import io.cxloop.engine.journey.JourneyEventType;
import io.cxloop.rules.model.Channel;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Installs the cart-abandonment trigger of seed 001 on first start: 24 hours after an abandoned cart without a
 * purchase, 15 % for 24 hours with free express delivery, by e-mail, else SMS.
 */
@Component
public class BuiltInTriggers implements ApplicationRunner {

    public static final TriggerRequest CART_ABANDONED = new TriggerRequest(
            "cart-abandoned",
            JourneyEventType.CART_ABANDONED,
            null,
            Duration.ofHours(24),
            JourneyEventType.PURCHASE_COMPLETED,
            new OfferTerms(15, Duration.ofHours(24), true),
            List.of(Channel.EMAIL, Channel.SMS),
            "reconnect-offer",
            Duration.ofDays(7),
            true);

    private final TriggerService triggers;

    public BuiltInTriggers(TriggerService triggers) {
        this.triggers = triggers;
    }

    @Override
    public void run(ApplicationArguments args) {
        triggers.installIfNeverCreated(CART_ABANDONED);
    }
}
