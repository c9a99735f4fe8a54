package io.cxloop.rules.nba.internal;

/**
 * A contact-policy rule has decided that the customer must not be contacted now, whatever the channel.
 *
 * @param rule the name of the rule that vetoed
 */
public record ContactVeto(String rule) {}
