package io.cxloop.rules.policy;

import io.cxloop.rules.model.Channel;
import java.util.Objects;

/**
 * The deciding rules chose to send the message on this channel: inserted by them once they chose, so that the contact
 * policy's timing rules (quiet hours) postpone that message.
 *
 * @param inbound offered within a contact the customer began: quiet hours do not delay it
 */
public record ChosenChannel(Channel channel, Purpose purpose, boolean inbound) {

    public ChosenChannel {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** A marketing message we send, as every next-best action is. */
    public ChosenChannel(Channel channel) {
        this(channel, Purpose.MARKETING, false);
    }

    /** The candidate the deciding rules chose. */
    public ChosenChannel(ChannelCandidate candidate) {
        this(candidate.getChannel(), candidate.getPurpose(), candidate.isInbound());
    }
}
