package io.cxloop.rules.nba.internal;

/**
 * An eligibility rule has decided that an offer is not made in this decision.
 *
 * @param offerId the rejected offer
 * @param rule the name of the rule that rejected it
 */
public record OfferRejection(String offerId, String rule) {}
