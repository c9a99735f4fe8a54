package io.cxloop.engine.offer;

import io.cxloop.engine.campaign.Holdout;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.nba.Explanation;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Holds customers out of a catalogue offer's control group after the arbitration chose that offer for them: they get no
 * message, and their outcome is recorded as the offer's control (for its uplift, never for its propensity). Whether a
 * customer is held out depends only on the customer, the offer and its {@code controlShare} ({@link
 * Holdout#offerGroupOf}), independently of the trigger's control group. A trigger's own offer has no control group of
 * its own: the trigger's covers it.
 */
@Component
public class OfferHoldout {

    /** The name a decision held out of its offer goes by in its explanation. */
    public static final String HELD_OUT_RULE = "Held out of the offer as control";

    private final OfferRepository offers;

    public OfferHoldout(OfferRepository offers) {
        this.offers = offers;
    }

    /**
     * Why the customer gets no message for the chosen offer, or empty when they get it.
     *
     * @param offerId the offer the arbitration chose (null or a trigger's own offer: never held out)
     * @param channel the channel the message would have gone on
     * @param outcome how the outcome is recorded, for the explanation (e.g. "the campaign records whether …")
     */
    public Optional<Explanation> heldOut(String customerId, String offerId, Channel channel, String outcome) {
        return offerId == null ? Optional.empty() : heldOut(customerId, offers.find(offerId), channel, outcome);
    }

    /**
     * Like {@link #heldOut(String, String, Channel, String)} for the chosen offer already read from the catalogue.
     *
     * @param chosen the chosen offer; empty when it is not in the catalogue (a trigger's own offer): never held out
     */
    public Optional<Explanation> heldOut(
            String customerId, Optional<CatalogueOffer> chosen, Channel channel, String outcome) {
        return chosen.filter(offer ->
                        Holdout.CONTROL.equals(Holdout.offerGroupOf(customerId, offer.offerId(), offer.controlShare())))
                .map(offer -> new Explanation(
                        HELD_OUT_RULE,
                        "Held out as control of offer " + offer.offerId() + ": customer " + customerId
                                + " is in the control group of the offer (" + percent(offer.controlShare())
                                + " % of the customers it is chosen for) and gets no " + channel + " message; "
                                + outcome));
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
