package io.cxloop.rules.invitation.internal;

/**
 * An invitation rule of its own (not the contact policy's, which inserts a {@link io.cxloop.rules.policy.ContactVeto})
 * has decided that the customer is not invited now, whatever the channel: e.g. they were invited lately.
 *
 * @param rule the name of the rule that vetoed
 */
public record InvitationVeto(String rule) {}
