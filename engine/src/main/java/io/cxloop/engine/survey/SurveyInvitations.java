package io.cxloop.engine.survey;

import io.cxloop.connectors.template.MessageTemplates;
import io.cxloop.connectors.template.RenderedMessage;
import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.decision.InvitationDecider;
import io.cxloop.engine.decision.InvitationDecider.DecidedInvitation;
import io.cxloop.engine.journey.JourneyEventType;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.optout.UnsubscribeLinks;
import io.cxloop.engine.survey.SurveyLinks.OpenedSurvey;
import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.SurveyOccasion;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.JourneyStage;
import io.cxloop.rules.model.Touchpoint;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invites customers to rate a touchpoint after a decisive moment of their journey (a purchase, a delivery, a service
 * contact), a delay after it — both set by marketers at {@code /api/surveys/invitations} ({@link InvitationSettings}),
 * by default {@code cxloop.surveys.after-events} and {@code cxloop.surveys.delays}. Whether,
 * on which channel — a survey link by e-mail or SMS, or a post-call survey request to the call center's queue — and
 * when is decided by the {@code survey-invitation} rule set under the contact policy, and recorded with its reasons.
 * The invitation waits for its time in the outbox, so it survives restarts. The answer is feedback like any other:
 * analysed, triaged and answered by {@code feedback-closed-loop}.
 */
@Component
public class SurveyInvitations {

    /** The survey link by e-mail or SMS. */
    public static final String TEMPLATE = "survey-invitation";

    /** The request to the call center to offer the survey at the end of the customer's call. */
    public static final String CALL_TEMPLATE = "survey-call-request";

    private static final Logger log = LoggerFactory.getLogger(SurveyInvitations.class);

    /** What the survey after each event is about, unless the event names its touchpoint. */
    private static final Map<JourneyEventType, Subject> SUBJECTS = Map.of(
            JourneyEventType.PURCHASE_COMPLETED, new Subject(Touchpoint.WEB_SHOP, JourneyStage.ACQUIRE),
            JourneyEventType.DELIVERED, new Subject(Touchpoint.DELIVERY, JourneyStage.SERVICE),
            JourneyEventType.SERVICE_CONTACT, new Subject(Touchpoint.CALL_CENTER, JourneyStage.SERVICE));

    private record Subject(Touchpoint touchpoint, JourneyStage stage) {}

    private final InvitationSettings settings;
    private final SurveyProperties properties;
    private final SurveyRepository surveys;
    private final SurveyLinks links;
    private final CustomerRepository customers;
    private final InvitationDecider decider;
    private final OutboxRepository outbox;
    private final MessageTemplates templates;
    private final UnsubscribeLinks unsubscribeLinks;

    public SurveyInvitations(
            InvitationSettings settings,
            SurveyProperties properties,
            SurveyRepository surveys,
            SurveyLinks links,
            CustomerRepository customers,
            InvitationDecider decider,
            OutboxRepository outbox,
            MessageTemplates templates,
            UnsubscribeLinks unsubscribeLinks) {
        this.settings = settings;
        this.properties = properties;
        this.surveys = surveys;
        this.links = links;
        this.customers = customers;
        this.decider = decider;
        this.outbox = outbox;
        this.templates = templates;
        this.unsubscribeLinks = unsubscribeLinks;
    }

    /**
     * Decides on an invitation after the event and, if the rules invite, queues it for its time, all in the caller's
     * transaction; returns the outbox message's id.
     *
     * @param where where the event happened (the touchpoint to rate); null for the event type's usual one
     */
    public Optional<String> afterEvent(String customerId, JourneyEventType type, String eventId, Touchpoint where) {
        Subject subject = SUBJECTS.get(type);
        InvitationSetting setting = subject == null ? null : settings.forEvent(type);
        if (setting == null || !setting.active()) {
            return Optional.empty();
        }
        Customer customer = customers.find(customerId).orElse(null);
        if (customer == null) {
            return Optional.empty();
        }
        Touchpoint touchpoint = where != null ? where : subject.touchpoint();
        SurveyOccasion occasion = new SurveyOccasion(
                eventId,
                type.name(),
                touchpoint,
                surveys.lastInvitedAt(customerId).orElse(null),
                properties.minInterval());
        DecidedInvitation decided = decider.survey(customer, occasion, setting.delay());
        if (!decided.invites()) {
            log.info(
                    "No survey invitation to {} after {} {} (decision {})",
                    customerId,
                    type,
                    eventId,
                    decided.stored().decisionId());
            return Optional.empty();
        }
        InvitationDecision decision = decided.decision();
        Instant now = decided.stored().decidedAt();
        Channel channel = decision.channel();
        Instant leavesAt =
                decision.notBefore() != null && decision.notBefore().isAfter(now) ? decision.notBefore() : now;
        OpenedSurvey survey =
                links.about(customerId, touchpoint.name(), subject.stage().name(), channel.name(), eventId, leavesAt);
        Map<String, Object> variables = new HashMap<>();
        variables.put("firstName", customer.firstName() == null ? "" : customer.firstName());
        variables.put("lastName", customer.lastName() == null ? "" : customer.lastName());
        variables.put("customerId", customerId);
        variables.put("eventType", type.name());
        variables.put("touchpoint", touchpoint.name());
        variables.put("surveyUrl", survey.url());
        if (decision.marketing() && channel == Channel.EMAIL) {
            var unsubscribe = unsubscribeLinks.forCustomer(customerId, channel);
            if (unsubscribe != null) {
                // marketing e-mail shows its unsubscribe link in the body too (UWG § 7 (3))
                variables.put("unsubscribeUrl", unsubscribe.url());
            }
        }
        String template = channel == Channel.CALL_QUEUE ? CALL_TEMPLATE : TEMPLATE;
        RenderedMessage rendered = templates.render(template, Locale.forLanguageTag(customer.language()), variables);
        String messageId = outbox.queue(
                new NewMessage(
                        customerId,
                        null,
                        decided.stored().decisionId(),
                        null,
                        channel,
                        template,
                        customer.addressFor(channel),
                        customer.language(),
                        rendered.subject(),
                        rendered.htmlBody(),
                        rendered.textBody(),
                        null,
                        decision.marketing()),
                leavesAt);
        log.info(
                "Survey {} after {} {} to {} by {}, leaving {}",
                survey.surveyId(),
                type,
                eventId,
                customerId,
                channel,
                leavesAt);
        return Optional.of(messageId);
    }
}
