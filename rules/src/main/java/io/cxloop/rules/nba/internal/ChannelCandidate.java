package io.cxloop.rules.nba.internal;

import io.cxloop.rules.model.Channel;

/**
 * One way to act on a trigger: its channel and its place in the marketer's order (0 = most preferred). Constraint
 * rules reject candidates; the selection rule picks the best one that is left.
 *
 * <p>A JavaBean with a setter on purpose: rules change {@code rejected} with {@code modify}, and Drools' property
 * reactivity then re-evaluates only the patterns that look at it.
 */
public final class ChannelCandidate {

    private final Channel channel;
    private final int rank;
    private boolean rejected;
    private boolean chosen;

    public ChannelCandidate(Channel channel, int rank) {
        this.channel = channel;
        this.rank = rank;
    }

    public Channel getChannel() {
        return channel;
    }

    public int getRank() {
        return rank;
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
        return "ChannelCandidate[" + channel + ", rank " + rank + (rejected ? ", rejected" : "")
                + (chosen ? ", chosen" : "") + "]";
    }
}
