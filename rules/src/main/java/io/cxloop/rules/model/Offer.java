package io.cxloop.rules.model;

import java.time.Duration;

/**
 * An incentive offered to a customer.
 *
 * @param percent discount in percent (0 for none)
 * @param validity how long the offer is valid once issued
 * @param freeExpressShipping whether express delivery is free
 */
public record Offer(int percent, Duration validity, boolean freeExpressShipping) {}
