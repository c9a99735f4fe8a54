package io.cxloop.engine.campaign;

import io.cxloop.connectors.template.MessageTemplates;
import io.cxloop.connectors.template.RenderedMessage;
import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.decision.DecisionRepository;
import io.cxloop.engine.decision.NextBestActionDecider;
import io.cxloop.engine.decision.StoredDecision;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.offer.CatalogueOffer;
import io.cxloop.engine.offer.IssuedOfferCode;
import io.cxloop.engine.offer.OfferCatalogue;
import io.cxloop.engine.offer.OfferCodes;
import io.cxloop.engine.offer.OfferHoldout;
import io.cxloop.engine.offer.OfferOutcomes;
import io.cxloop.engine.optout.UnsubscribeLinks;
import io.cxloop.engine.trigger.ReconnectTrigger;
import io.cxloop.engine.trigger.TriggerRepository;
import io.cxloop.processes.reconnect.CampaignOutcome;
import io.cxloop.processes.reconnect.IssuedOffer;
import io.cxloop.processes.reconnect.ReconnectCampaignPort;
import io.cxloop.processes.reconnect.ReconnectDecision;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Offer;
import io.cxloop.rules.model.OfferKind;
import io.cxloop.rules.nba.ActionType;
import io.cxloop.rules.nba.CandidateOffer;
import io.cxloop.rules.nba.Explanation;
import io.cxloop.rules.nba.ReconnectContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application side of the {@code journey-reconnect} process: decisions with the rules, offer codes and outbox
 * messages with the repositories. Runs inside the process engine's transaction, so a step's rows commit together
 * with the process state or not at all.
 */
@Component
public class ReconnectCampaignAdapter implements ReconnectCampaignPort {

    /** The name a held-out decision's explanation goes by. */
    public static final String HELD_OUT_RULE = "Held out as control";

    private static final Logger log = LoggerFactory.getLogger(ReconnectCampaignAdapter.class);

    private static final DateTimeFormatter GERMAN_EXPIRY =
            DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH_EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy, h:mm a", Locale.ENGLISH);

    private final CampaignRepository campaigns;
    private final CustomerRepository customers;
    private final TriggerRepository triggers;
    private final DecisionRepository decisions;
    private final OfferCodes offerCodes;
    private final OutboxRepository outbox;
    private final MessageTemplates templates;
    private final NextBestActionDecider decider;
    private final UnsubscribeLinks unsubscribeLinks;
    private final OfferCatalogue catalogue;
    private final OfferOutcomes outcomes;
    private final OfferHoldout offerHoldout;
    private final Clock clock;

    public ReconnectCampaignAdapter(
            CampaignRepository campaigns,
            CustomerRepository customers,
            TriggerRepository triggers,
            DecisionRepository decisions,
            OfferCodes offerCodes,
            OutboxRepository outbox,
            MessageTemplates templates,
            NextBestActionDecider decider,
            UnsubscribeLinks unsubscribeLinks,
            OfferCatalogue catalogue,
            OfferOutcomes outcomes,
            OfferHoldout offerHoldout,
            Clock clock) {
        this.campaigns = campaigns;
        this.customers = customers;
        this.triggers = triggers;
        this.decisions = decisions;
        this.offerCodes = offerCodes;
        this.outbox = outbox;
        this.templates = templates;
        this.decider = decider;
        this.unsubscribeLinks = unsubscribeLinks;
        this.catalogue = catalogue;
        this.outcomes = outcomes;
        this.offerHoldout = offerHoldout;
        this.clock = clock;
    }

    @Override
    public ReconnectDecision decide(String campaignId) {
        Campaign campaign = campaign(campaignId);
        Customer customer = customer(campaign.customerId());
        ReconnectTrigger trigger = triggers.version(campaign.triggerKey(), campaign.triggerVersion());
        StoredDecision decision =
                decider.decide(customer, withoutUndeliverableChannels(trigger, campaign), trigger.offers(), campaignId);
        // the chosen offer's definition, read once for the holdout and the offer step
        Optional<CatalogueOffer> catalogued = Optional.empty();
        if (decision.action() != ActionType.NO_ACTION) {
            // a decision after a failed delivery keeps the group of the first
            String group = campaign.holdoutGroup() != null
                    ? campaign.holdoutGroup()
                    : campaigns.assignHoldoutGroup(
                            campaignId, Holdout.groupOf(customer.customerId(), trigger.key(), trigger.controlShare()));
            if (Holdout.CONTROL.equals(group)) {
                return holdOut(campaignId, customer, trigger, decision);
            }
            catalogued = decision.offerId() == null ? Optional.empty() : catalogue.find(decision.offerId());
            Instant windowEnds = clock.instant().plus(decision.offer().validity());
            Optional<Explanation> heldOutOfOffer = offerHoldout.heldOut(
                    customer.customerId(),
                    catalogued,
                    decision.channel(),
                    "the campaign records whether they reach " + trigger.goalEventType() + " by " + windowEnds
                            + ", when the offer would have expired, as the offer's control");
            if (heldOutOfOffer.isPresent()) {
                decisions.holdOutOfOffer(decision.decisionId(), heldOutOfOffer.get());
                log.info(
                        "Campaign {} for customer {}: held out of offer {} as control until {} ({})",
                        campaignId,
                        customer.customerId(),
                        decision.offerId(),
                        windowEnds,
                        decision.ruleSetVersion());
                return ReconnectDecision.heldOut(decision.decisionId(), windowEnds);
            }
        }
        log.info(
                "Campaign {} for customer {}: {} {} ({})",
                campaignId,
                customer.customerId(),
                decision.action(),
                decision.channel() == null ? "" : "on " + decision.channel(),
                decision.ruleSetVersion());
        if (decision.action() != ActionType.NO_ACTION) {
            Decided.remember(new Decided(campaign, customer, trigger, decision, catalogued));
        }
        return new ReconnectDecision(decision.decisionId(), decision.action() != ActionType.NO_ACTION);
    }

    /**
     * The customer is in the trigger's control group: no message. The decision is recorded as no action with the
     * rules' reasons and why; the campaign waits as long as the offer would have been valid.
     */
    private ReconnectDecision holdOut(
            String campaignId, Customer customer, ReconnectTrigger trigger, StoredDecision decision) {
        Instant windowEnds = clock.instant().plus(decision.offer().validity());
        String percent =
                trigger.controlShare().movePointRight(2).stripTrailingZeros().toPlainString();
        decisions.holdOut(
                decision.decisionId(),
                new Explanation(
                        HELD_OUT_RULE,
                        "Held out as control: customer " + customer.customerId() + " is in the control group of"
                                + " trigger " + trigger.key() + " (" + percent + " % of its customers) and gets no "
                                + decision.channel() + " message; the campaign records whether they reach "
                                + trigger.goalEventType() + " by " + windowEnds + ", when the offer would have"
                                + " expired"));
        log.info(
                "Campaign {} for customer {}: held out as control until {} ({})",
                campaignId,
                customer.customerId(),
                windowEnds,
                decision.ruleSetVersion());
        return ReconnectDecision.heldOut(decision.decisionId(), windowEnds);
    }

    @Override
    public IssuedOffer issueOfferAndQueueMessage(String campaignId, String decisionId) {
        // the process issues the offer in the decision's transaction: what the decision read is still current
        Decided decided = Decided.recall(campaignId, decisionId).orElseGet(() -> {
            Campaign campaign = campaign(campaignId);
            StoredDecision stored = decisions
                    .find(decisionId)
                    .orElseThrow(() -> new IllegalStateException("no decision " + decisionId));
            return new Decided(
                    campaign,
                    customer(campaign.customerId()),
                    triggers.version(campaign.triggerKey(), campaign.triggerVersion()),
                    stored,
                    stored.offerId() == null ? Optional.empty() : catalogue.find(stored.offerId()));
        });
        Customer customer = decided.customer();
        ReconnectTrigger trigger = decided.trigger();
        StoredDecision decision = decided.decision();
        if (decision.channel() == null || decision.offer() == null) {
            throw new IllegalStateException("decision " + decisionId + " chose no action");
        }
        // a message postponed by quiet hours is sent later: its offer is valid from then
        Instant now = clock.instant();
        Instant sendAt = decision.notBefore() != null && decision.notBefore().isAfter(now) ? decision.notBefore() : now;
        Optional<CatalogueOffer> catalogued = decided.catalogued();
        OfferKind kind = catalogued.map(CatalogueOffer::kind).orElseGet(() -> CandidateOffer.kindOf(decision.offer()));
        // a code only where there is something to redeem: content or an invitation is made without one
        String code = null;
        Instant expiresAt;
        if (OfferCodes.needsCode(kind)) {
            IssuedOfferCode issued = offerCodes.issue(
                    customer.customerId(), campaignId, decisionId, decision.offerId(), decision.offer(), sendAt);
            code = issued.code();
            expiresAt = issued.expiresAt();
        } else {
            expiresAt = offerCodes.recordWithoutCode(
                    customer.customerId(), campaignId, decisionId, decision.offerId(), decision.offer(), sendAt);
        }
        // a catalogue offer may come with a template of its own (content, review invitation …)
        String template = catalogued
                .map(CatalogueOffer::template)
                .filter(name -> name != null)
                .orElse(trigger.template());
        Locale locale = Locale.forLanguageTag(customer.language());
        RenderedMessage rendered = templates.render(
                template,
                locale,
                templateVariables(customer, code, decision.offer(), sendAt, expiresAt, decision.channel()));
        String messageId = outbox.queue(
                new OutboxRepository.NewMessage(
                        customer.customerId(),
                        campaignId,
                        decisionId,
                        code,
                        decision.channel(),
                        template,
                        customer.addressFor(decision.channel()),
                        customer.language(),
                        rendered.subject(),
                        rendered.htmlBody(),
                        rendered.textBody()),
                sendAt);
        return new IssuedOffer(code, messageId, expiresAt);
    }

    @Override
    public void recordOutcome(String campaignId, CampaignOutcome outcome) {
        Instant now = clock.instant();
        campaigns.end(campaignId, outcome, now);
        // what the offer achieved teaches the arbitration: a purchase after the message converts, an expiry does not
        if (outcome == CampaignOutcome.CONVERTED_AFTER_CONTACT || outcome == CampaignOutcome.EXPIRED) {
            Customer customer = customer(campaign(campaignId).customerId());
            outcomes.recordCampaign(
                    campaignId, customer.valueSegment(), outcome == CampaignOutcome.CONVERTED_AFTER_CONTACT, now);
        }
        // a customer held out of the chosen offer counts as that offer's control (one held out by the trigger does not)
        if (outcome == CampaignOutcome.CONVERTED_IN_CONTROL || outcome == CampaignOutcome.EXPIRED_IN_CONTROL) {
            Customer customer = customer(campaign(campaignId).customerId());
            outcomes.recordCampaignControl(
                    campaignId, customer.valueSegment(), outcome == CampaignOutcome.CONVERTED_IN_CONTROL, now);
        }
        log.info("Campaign {} ended: {}", campaignId, outcome);
    }

    /**
     * A channel on which this campaign's message could not be delivered is not tried again (fallback). A campaign
     * without a holdout group has queued no message yet (the group is assigned before the first one), so there is
     * nothing to ask the outbox.
     */
    private ReconnectContext withoutUndeliverableChannels(ReconnectTrigger trigger, Campaign campaign) {
        ReconnectContext context = trigger.toReconnectContext();
        if (campaign.holdoutGroup() == null) {
            return context;
        }
        Set<Channel> undeliverable = outbox.undeliverableChannels(campaign.campaignId());
        if (undeliverable.isEmpty()) {
            return context;
        }
        return new ReconnectContext(
                context.triggerKey(),
                context.channels().stream()
                        .filter(channel -> !undeliverable.contains(channel))
                        .toList(),
                context.reEntry(),
                context.offer());
    }

    /** The variables of the message; {@code offerCode} only when the offer has a code. */
    private Map<String, Object> templateVariables(
            Customer customer, String code, Offer offer, Instant issuedAt, Instant expires, Channel channel) {
        ZoneId zone = ZoneId.of(customer.timezone());
        boolean german = "de".equals(customer.language());
        String expiresAt =
                (german ? GERMAN_EXPIRY : ENGLISH_EXPIRY).format(expires.atZone(zone)) + " (" + zone.getId() + ")";
        Map<String, Object> variables = new HashMap<>();
        variables.put("firstName", customer.firstName() == null ? "" : customer.firstName());
        variables.put("lastName", customer.lastName() == null ? "" : customer.lastName());
        variables.put("percent", offer.percent());
        if (code != null) {
            variables.put("offerCode", code);
        }
        variables.put("expiresAt", expiresAt);
        variables.put(
                "validityHours", java.time.Duration.between(issuedAt, expires).toHours());
        variables.put("freeExpressShipping", offer.freeExpressShipping());
        // marketing e-mail shows its unsubscribe link in the body too, not only in List-Unsubscribe (UWG § 7 (3))
        var unsubscribe =
                channel == Channel.EMAIL ? unsubscribeLinks.forCustomer(customer.customerId(), channel) : null;
        if (unsubscribe != null) {
            variables.put("unsubscribeUrl", unsubscribe.url());
        }
        return variables;
    }

    /**
     * What {@link #decide} read and decided, kept for the rest of its transaction (the offer step runs in it): the offer
     * step need not read campaign, customer, trigger, decision and the chosen offer's definition again. Bound to the
     * transaction, so it is gone when the transaction ends, committed or rolled back.
     */
    private record Decided(
            Campaign campaign,
            Customer customer,
            ReconnectTrigger trigger,
            StoredDecision decision,
            Optional<CatalogueOffer> catalogued) {

        private static final Object KEY = Decided.class;

        static void remember(Decided decided) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                return;
            }
            if (TransactionSynchronizationManager.hasResource(KEY)) {
                TransactionSynchronizationManager.unbindResource(KEY);
            } else {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                    }
                });
            }
            TransactionSynchronizationManager.bindResource(KEY, decided);
        }

        static Optional<Decided> recall(String campaignId, String decisionId) {
            return Optional.ofNullable((Decided) TransactionSynchronizationManager.getResource(KEY))
                    .filter(decided -> decided.campaign().campaignId().equals(campaignId)
                            && decided.decision().decisionId().equals(decisionId));
        }
    }

    private Campaign campaign(String campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new IllegalStateException("no campaign " + campaignId));
    }

    private Customer customer(String customerId) {
        return customers.find(customerId).orElseThrow(() -> new IllegalStateException("no customer " + customerId));
    }
}
