package io.cxloop.engine.offer;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.model.OfferKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An offer of the catalogue, as analysts and marketers keep it: what the customer gets, what it is worth, the
 * analysts' lever, where and when it may be made, and its caps and budget.
 *
 * @param percent the discount (0 for kinds other than {@link OfferKind#DISCOUNT})
 * @param validity how long the offer holds once issued
 * @param value the business value of the offer being taken up (e.g. margin in EUR)
 * @param weight the analysts' lever in the arbitration (1 = neutral)
 * @param channels the channels the offer may go on; empty: every channel
 * @param activeFrom made from then on; null: since always
 * @param activeUntil made until then (exclusive); null: for ever
 * @param capPerCustomer at most this many issues to one customer within {@code capWindow}; null: no cap
 * @param capWindow the period the customer cap counts over; null: ever
 * @param maxIssues budget in issues; null: no limit
 * @param budgetAmount budget as an amount, {@code costPerIssue} per issue; null: no limit
 * @param template the message template; null: the trigger's
 * @param controlShare the share of the customers this offer is chosen for who are held out as its control group (0
 *     to 0.5): no message, outcome recorded, for the offer's uplift; 0: nobody
 */
public record CatalogueOffer(
        String offerId,
        String name,
        OfferKind kind,
        int percent,
        Duration validity,
        boolean freeExpressShipping,
        double value,
        double weight,
        List<Channel> channels,
        Instant activeFrom,
        Instant activeUntil,
        Integer capPerCustomer,
        Duration capWindow,
        Long maxIssues,
        Double budgetAmount,
        Double costPerIssue,
        String template,
        BigDecimal controlShare,
        Instant updatedAt,
        String updatedBy) {

    public CatalogueOffer {
        channels = channels == null ? List.of() : List.copyOf(channels);
        // offers stored before offers had control groups hold nobody out
        controlShare = controlShare == null ? BigDecimal.ZERO : controlShare;
    }

    public Offer terms() {
        return new Offer(percent, validity, freeExpressShipping);
    }

    static CatalogueOffer of(OfferRequest request, Instant at, String user) {
        return new CatalogueOffer(
                request.offerId(),
                request.name(),
                request.kind(),
                request.percent() == null ? 0 : request.percent(),
                request.validity(),
                request.kind() == OfferKind.FREE_SHIPPING || Boolean.TRUE.equals(request.freeExpressShipping()),
                request.value(),
                request.weight() == null ? 1 : request.weight(),
                request.channels(),
                request.activeFrom(),
                request.activeUntil(),
                request.capPerCustomer(),
                request.capWindow(),
                request.maxIssues(),
                request.budgetAmount(),
                request.costPerIssue(),
                request.template(),
                request.controlShare(),
                at,
                user);
    }
}
