package io.cxloop.rules.policy;

import io.cxloop.rules.model.Channel;
import java.util.Objects;

/**
 * One way to reach the customer with the message being decided: its channel, its place in the deciding rules' order (0
 * = first choice), the message's purpose on it, and whether it is offered within a contact the customer began. The
 * deciding rules (or their engine) insert the candidates; the contact policy rejects some; the deciding rules choose
 * among those left.
 *
 * <p>A JavaBean with setters on purpose: rules change {@code rejected} and {@code chosen} with {@code modify}, and
 * Drools' property reactivity then re-evaluates only the patterns that look at them.
 */
public final class ChannelCandidate {

    private final Channel channel;
    private final int rank;
    private final Purpose purpose;
    private final boolean inbound;
    private boolean rejected;
    private boolean chosen;

    /**
     * @param inbound offered within a contact the customer began (e.g. at the end of their own call): nothing is sent
     *     to them, so quiet hours do not delay it
     */
    public ChannelCandidate(Channel channel, int rank, Purpose purpose, boolean inbound) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.rank = rank;
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.inbound = inbound;
    }

    /** A message we send on the channel. */
    public ChannelCandidate(Channel channel, int rank, Purpose purpose) {
        this(channel, rank, purpose, false);
    }

    public Channel getChannel() {
        return channel;
    }

    public int getRank() {
        return rank;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    /** Whether the message on this channel counts against the marketing caps. */
    public boolean isMarketing() {
        return purpose == Purpose.MARKETING;
    }

    public boolean isInbound() {
        return inbound;
    }

    public boolean isRejected() {
        return rejected;
    }

    public void setRejected(boolean rejected) {
        this.rejected = rejected;
    }

    public boolean isChosen() {
        return chosen;
    }

    public void setChosen(boolean chosen) {
        this.chosen = chosen;
    }

    @Override
    public String toString() {
        return "ChannelCandidate[" + channel + ", rank " + rank + ", " + purpose + (inbound ? ", inbound" : "")
                + (rejected ? ", rejected" : "") + (chosen ? ", chosen" : "") + "]";
    }
}
