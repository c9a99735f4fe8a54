package io.cxloop.rules.policy;

import io.cxloop.rules.model.Channel;
import java.util.Objects;

/**
 * The deciding rules chose to send a message on this channel: inserted by them once they chose, so that the contact
 * policy's timing rules (quiet hours) postpone that message. Part of the vocabulary the contact policy shares with the
 * rule sets it is composed with.
 */
public record ChosenChannel(Channel channel) {

    public ChosenChannel {
        Objects.requireNonNull(channel, "channel");
    }
}
