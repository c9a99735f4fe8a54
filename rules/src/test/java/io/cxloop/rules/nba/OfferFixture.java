package io.cxloop.rules.nba;

import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.model.OfferKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Catalogue offers as the arbitration sees them, built one lever or limit at a time. */
public final class OfferFixture {

    private String offerId;
    private OfferKind kind = OfferKind.DISCOUNT;
    private Offer terms = new Offer(10, Duration.ofDays(2), false);
    private double value = 10;
    private double weight = 1;
    private Set<Channel> channels = Set.of();
    private Instant activeFrom;
    private Instant activeUntil;
    private Integer capPerCustomer;
    private Duration capWindow;
    private int customerIssues;
    private Long maxIssues;
    private Double budgetAmount;
    private Double costPerIssue;
    private long totalIssues;
    private final Map<Channel, Propensity> propensity = new EnumMap<>(Channel.class);
    private int order;

    private OfferFixture(String offerId, int order) {
        this.offerId = offerId;
        this.order = order;
    }

    /** 10 % off for two days, business value 10, weight 1, on every channel, no limits, the default prior. */
    public static OfferFixture tenPercentOff(int order) {
        return new OfferFixture("ten-percent", order);
    }

    /** Free express shipping, business value 6. */
    public static OfferFixture freeShipping(int order) {
        OfferFixture offer = new OfferFixture("free-shipping", order);
        offer.kind = OfferKind.FREE_SHIPPING;
        offer.terms = new Offer(0, Duration.ofDays(3), true);
        offer.value = 6;
        return offer;
    }

    /** A style guide: content, business value 2. */
    public static OfferFixture styleGuide(int order) {
        OfferFixture offer = new OfferFixture("style-guide", order);
        offer.kind = OfferKind.CONTENT;
        offer.terms = new Offer(0, Duration.ofDays(7), false);
        offer.value = 2;
        return offer;
    }

    public OfferFixture id(String offerId) {
        this.offerId = offerId;
        return this;
    }

    public OfferFixture value(double value) {
        this.value = value;
        return this;
    }

    public OfferFixture weight(double weight) {
        this.weight = weight;
        return this;
    }

    public OfferFixture onlyOn(Channel... channels) {
        this.channels = Set.of(channels);
        return this;
    }

    public OfferFixture activeBetween(Instant from, Instant until) {
        this.activeFrom = from;
        this.activeUntil = until;
        return this;
    }

    public OfferFixture capPerCustomer(int cap, Duration window, int alreadyIssuedToCustomer) {
        this.capPerCustomer = cap;
        this.capWindow = window;
        this.customerIssues = alreadyIssuedToCustomer;
        return this;
    }

    public OfferFixture budgetOfIssues(long maxIssues, long issued) {
        this.maxIssues = maxIssues;
        this.totalIssues = issued;
        return this;
    }

    public OfferFixture budgetAmount(double amount, double costPerIssue, long issued) {
        this.budgetAmount = amount;
        this.costPerIssue = costPerIssue;
        this.totalIssues = issued;
        return this;
    }

    /** Outcomes learned on a channel, on the default prior Beta(1, 9). */
    public OfferFixture learned(Channel channel, long conversions, long impressions) {
        propensity.put(channel, Propensity.DEFAULT_PRIOR.observe(conversions, impressions));
        return this;
    }

    public CandidateOffer build() {
        return new CandidateOffer(
                offerId,
                null,
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
                null);
    }
}
