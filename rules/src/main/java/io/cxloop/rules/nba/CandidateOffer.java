package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.model.OfferKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An offer the decision may make, as the rules see it: the catalogue's terms, levers and limits, with what was already
 * issued and the propensity learned for this customer's segment on each channel. The eligibility rules reject it, the
 * arbitration scores it (propensity × value × weight × lever).
 *
 * @param offerId the catalogue's id; {@code trigger:<key>} for a trigger's own offer
 * @param terms what the customer gets (discount, validity once issued, free express shipping)
 * @param value the business value of the offer being taken up, in the analysts' unit (e.g. margin in EUR); ≥ 0
 * @param weight the analysts' lever for this offer (1 = neutral); ≥ 0
 * @param channels the channels the offer may go on; empty: every channel
 * @param activeFrom the offer is made from then on; null: since always
 * @param activeUntil the offer is made until then (exclusive); null: for ever
 * @param capPerCustomer at most this many issues to one customer within {@code capWindow}; null: no cap
 * @param capWindow the period the customer cap counts over; null with a cap: ever
 * @param customerIssues issues to this customer within {@code capWindow}
 * @param maxIssues budget: at most this many issues in total; null: no limit
 * @param budgetAmount budget: at most this amount spent in total, {@code costPerIssue} per issue; null: no limit
 * @param costPerIssue what one issue costs against {@code budgetAmount}
 * @param totalIssues issues so far, to all customers
 * @param propensity the learned propensity per channel; a channel left out has {@link Propensity#DEFAULT_PRIOR}
 * @param order the offer's place among the candidates: the earlier wins a tie
 * @param lever the analysts' business lever for the offer's kind (in this trigger's context), multiplied into the
 *     priority; null (e.g. decisions recorded before levers): 1
 */
public record CandidateOffer(
        String offerId,
        String name,
        OfferKind kind,
        Offer terms,
        double value,
        double weight,
        Set<Channel> channels,
        Instant activeFrom,
        Instant activeUntil,
        Integer capPerCustomer,
        Duration capWindow,
        int customerIssues,
        Long maxIssues,
        Double budgetAmount,
        Double costPerIssue,
        long totalIssues,
        Map<Channel, Propensity> propensity,
        int order,
        Double lever) {

    /** The id of a trigger's own offer. */
    public static String triggerOfferId(String triggerKey) {
        return "trigger:" + triggerKey;
    }

    public CandidateOffer {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(terms, "terms");
        kind = kind == null ? kindOf(terms) : kind;
        name = name == null ? offerId : name;
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        propensity = propensity == null || propensity.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(propensity));
        if (value < 0 || weight < 0 || Double.isNaN(value) || Double.isNaN(weight)) {
            throw new IllegalArgumentException("value and weight must not be negative: " + value + ", " + weight);
        }
        lever = lever == null ? 1.0 : lever;
        if (lever < 0 || lever.isNaN()) {
            throw new IllegalArgumentException("lever must not be negative: " + lever);
        }
    }

    /** The same offer with the analysts' lever for its kind. */
    public CandidateOffer withLever(double lever) {
        return new CandidateOffer(
                offerId,
                name,
                kind,
                terms,
                value,
                weight,
                channels,
                activeFrom,
                activeUntil,
                capPerCustomer,
                capWindow,
                customerIssues,
                maxIssues,
                budgetAmount,
                costPerIssue,
                totalIssues,
                propensity,
                order,
                lever);
    }

    /**
     * A trigger's own offer (configured inline with the trigger) as a candidate: business value 1, weight 1, on every
     * channel of the trigger, without caps or budget.
     */
    public static CandidateOffer ofTrigger(
            String triggerKey, Offer terms, double value, Map<Channel, Propensity> propensity, int order) {
        return new CandidateOffer(
                triggerOfferId(triggerKey),
                "offer of trigger " + triggerKey,
                kindOf(terms),
                terms,
                value,
                1,
                Set.of(),
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                0,
                propensity,
                order,
                null);
    }

    /** A discount when it has one, else free shipping when it has that, else content. */
    public static OfferKind kindOf(Offer terms) {
        if (terms.percent() > 0) {
            return OfferKind.DISCOUNT;
        }
        return terms.freeExpressShipping() ? OfferKind.FREE_SHIPPING : OfferKind.CONTENT;
    }

    /** Whether the offer may go on the channel. */
    public boolean allows(Channel channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    /** The propensity learned for the channel, the default prior when none was given. */
    public Propensity propensityOn(Channel channel) {
        return propensity.getOrDefault(channel, Propensity.DEFAULT_PRIOR);
    }

    /** What has been spent of the budget amount: issues × cost per issue. */
    public double spent() {
        return costPerIssue == null ? 0 : totalIssues * costPerIssue;
    }
}
