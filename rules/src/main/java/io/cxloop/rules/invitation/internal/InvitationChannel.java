package io.cxloop.rules.invitation.internal;

import io.cxloop.rules.model.Channel;

/**
 * One way to invite the customer: its channel, its place in the rules' order (0 = first choice) and whether the message
 * would count as marketing. Rules offer channels, the contact policy rejects some, the selection picks the first left.
 *
 * <p>A JavaBean with setters on purpose: rules change {@code rejected} and {@code chosen} with {@code modify}.
 */
public final class InvitationChannel {

    private final Channel channel;
    private final int rank;
    private final boolean marketing;
    private boolean rejected;
    private boolean chosen;

    public InvitationChannel(Channel channel, int rank, boolean marketing) {
        this.channel = channel;
        this.rank = rank;
        this.marketing = marketing;
    }

    public Channel getChannel() {
        return channel;
    }

    public int getRank() {
        return rank;
    }

    public boolean isMarketing() {
        return marketing;
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
        return "InvitationChannel[" + channel + ", rank " + rank + (marketing ? ", marketing" : "")
                + (rejected ? ", rejected" : "") + (chosen ? ", chosen" : "") + "]";
    }
}
