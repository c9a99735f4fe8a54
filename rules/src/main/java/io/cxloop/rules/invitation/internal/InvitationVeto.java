package io.cxloop.rules.invitation.internal;

/**
 * A rule has decided that the customer is not invited now, whatever the channel.
 *
 * @param rule the name of the rule that vetoed
 */
public record InvitationVeto(String rule) {}
