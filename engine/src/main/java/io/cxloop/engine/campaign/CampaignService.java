package io.cxloop.engine.campaign;

import static io.cxloop.processes.reconnect.JourneyReconnect.MESSAGE_GOAL_REACHED;
import static io.cxloop.processes.reconnect.JourneyReconnect.PROCESS_KEY;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_CAMPAIGN_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DELAY;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_GOAL_EVENT_TYPE;

import io.cxloop.engine.trigger.ReconnectTrigger;
import io.cxloop.engine.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts {@code journey-reconnect} campaigns and lets goal events reach them. */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final RuntimeService runtime;
    private final Clock clock;

    public CampaignService(CampaignRepository campaigns, RuntimeService runtime, Clock clock) {
        this.campaigns = campaigns;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Starts a campaign of the trigger (in its current version) for the customer, unless one started within the
     * trigger's re-entry window.
     */
    @Transactional
    public Optional<Campaign> start(ReconnectTrigger trigger, String customerId, String eventId) {
        Instant now = clock.instant();
        if (campaigns.startedSince(customerId, trigger.key(), now.minus(trigger.reEntry()))) {
            return Optional.empty();
        }
        String campaignId = UUID.randomUUID().toString();
        // the process waits at its first wait state when this returns; the campaign row is written after it, with the
        // instance's id, in the same transaction (nothing reads the row before the commit)
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                customerId + ":" + trigger.key(),
                Map.of(
                        VAR_CAMPAIGN_ID, campaignId,
                        VAR_DELAY, trigger.delay().toString(),
                        VAR_GOAL_EVENT_TYPE, trigger.goalEventType().name()));
        Campaign campaign = new Campaign(
                campaignId,
                customerId,
                trigger.key(),
                trigger.version(),
                eventId,
                instance.getId(),
                now,
                null,
                null,
                null);
        campaigns.insert(campaign);
        return Optional.of(campaign);
    }

    /**
     * Lets every running campaign of the customer whose goal is this event type know it was reached. The customer's
     * running campaigns come from the campaign table (indexed by customer); correlating by process instance keeps
     * Camunda from searching every waiting instance's variables for the customer (a scan that grew with the number of
     * waiting campaigns, docs/benchmarks.md).
     */
    @Transactional
    public int reachGoal(String customerId, String eventType) {
        int reached = 0;
        for (String processInstanceId : campaigns.runningProcessInstances(customerId)) {
            reached += runtime.createMessageCorrelation(MESSAGE_GOAL_REACHED)
                    .processInstanceId(processInstanceId)
                    .processInstanceVariableEquals(VAR_GOAL_EVENT_TYPE, eventType)
                    .correlateAllWithResult()
                    .size();
        }
        return reached;
    }

    @Transactional(readOnly = true)
    public List<Campaign> ofCustomer(String customerId) {
        return campaigns.findByCustomer(customerId);
    }

    @Transactional(readOnly = true)
    public Campaign get(String campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("no campaign " + campaignId));
    }
}
