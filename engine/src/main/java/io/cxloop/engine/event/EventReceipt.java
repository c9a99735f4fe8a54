package io.cxloop.engine.event;

import java.util.List;

/** What {@code POST /api/events} did with an event. */
public record EventReceipt(
        String eventId,
        Status status,
        List<StartedCampaign> campaignsStarted,
        List<SkippedTrigger> triggersSkipped,
        int campaignsReachedGoal) {

    public enum Status {
        ACCEPTED,
        /** The event id was seen before; nothing was done. */
        DUPLICATE
    }

    public record StartedCampaign(String campaignId, String triggerKey, int triggerVersion, String processInstanceId) {}

    public record SkippedTrigger(String triggerKey, String reason) {}

    static EventReceipt duplicate(String eventId) {
        return new EventReceipt(eventId, Status.DUPLICATE, List.of(), List.of(), 0);
    }
}
