package io.cxloop.engine.event;

import io.cxloop.engine.campaign.CampaignService;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.event.EventReceipt.SkippedTrigger;
import io.cxloop.engine.event.EventReceipt.StartedCampaign;
import io.cxloop.engine.survey.SurveyInvitations;
import io.cxloop.engine.trigger.ReconnectTrigger;
import io.cxloop.engine.trigger.TriggerService;
import io.cxloop.engine.web.InvalidFieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a journey event in: stores it once, lets it reach the goal of the customer's running campaigns, invites the
 * customer to a survey after decisive moments, and starts a campaign for every active trigger it matches. All in one
 * transaction, so an event is either fully handled or not at all.
 */
@Service
public class JourneyEventService {

    private static final Logger log = LoggerFactory.getLogger(JourneyEventService.class);

    private final JourneyEventRepository events;
    private final CustomerRepository customers;
    private final TriggerService triggers;
    private final CampaignService campaigns;
    private final SurveyInvitations surveys;
    private final Clock clock;

    public JourneyEventService(
            JourneyEventRepository events,
            CustomerRepository customers,
            TriggerService triggers,
            CampaignService campaigns,
            SurveyInvitations surveys,
            Clock clock) {
        this.events = events;
        this.customers = customers;
        this.triggers = triggers;
        this.campaigns = campaigns;
        this.surveys = surveys;
        this.clock = clock;
    }

    @Transactional
    public EventReceipt accept(JourneyEventRequest event) {
        // serialises the events of one customer, so that re-entry checks and correlation see each other
        if (!customers.lockForUpdate(event.customerId())) {
            throw new InvalidFieldException("customerId", "unknown customer " + event.customerId());
        }
        // one statement for the duplicate check and the insert
        if (!events.insertIfNew(event, clock.instant())) {
            log.info("Ignoring duplicate event {}", event.eventId());
            return EventReceipt.duplicate(event.eventId());
        }

        int reachedGoal = campaigns.reachGoal(event.customerId(), event.type().name());
        surveys.afterEvent(
                event.customerId(),
                event.type(),
                event.eventId(),
                event.attributes() == null ? null : event.attributes().touchpoint());
        BigDecimal cartValue =
                event.attributes() == null ? null : event.attributes().cartValue();
        List<StartedCampaign> started = new ArrayList<>();
        List<SkippedTrigger> skipped = new ArrayList<>();
        for (ReconnectTrigger trigger : triggers.matching(event.type(), cartValue)) {
            campaigns
                    .start(trigger, event.customerId(), event.eventId())
                    .ifPresentOrElse(
                            campaign -> started.add(new StartedCampaign(
                                    campaign.campaignId(),
                                    trigger.key(),
                                    trigger.version(),
                                    campaign.processInstanceId())),
                            () -> skipped.add(new SkippedTrigger(
                                    trigger.key(),
                                    "a campaign of this trigger started for the customer within the re-entry window "
                                            + trigger.reEntry())));
        }
        log.info(
                "Event {} ({}) for customer {}: {} campaign(s) started, {} reached their goal",
                event.eventId(),
                event.type(),
                event.customerId(),
                started.size(),
                reachedGoal);
        return new EventReceipt(event.eventId(), EventReceipt.Status.ACCEPTED, started, skipped, reachedGoal);
    }
}
