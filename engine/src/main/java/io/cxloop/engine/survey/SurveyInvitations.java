package io.cxloop.engine.survey;

import io.cxloop.connectors.template.MessageTemplates;
import io.cxloop.connectors.template.RenderedMessage;
import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.journey.JourneyEventType;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.survey.SurveyLinks.OpenedSurvey;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.JourneyStage;
import io.cxloop.rules.model.Touchpoint;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invites customers to rate a touchpoint right after a decisive moment of their journey (a purchase, a delivery, a
 * service contact; {@code cxloop.surveys.after-events}), by e-mail or else SMS, with a signed survey link. The answer
 * is feedback like any other: analysed, triaged and answered by {@code feedback-closed-loop}. A customer is invited
 * at most once per {@code cxloop.surveys.min-interval} and only on a channel they consent to.
 */
@Component
public class SurveyInvitations {

    public static final String TEMPLATE = "survey-invitation";

    private static final Logger log = LoggerFactory.getLogger(SurveyInvitations.class);

    /** What the survey after each event is about. */
    private static final Map<JourneyEventType, Subject> SUBJECTS = Map.of(
            JourneyEventType.PURCHASE_COMPLETED, new Subject(Touchpoint.WEB_SHOP, JourneyStage.ACQUIRE),
            JourneyEventType.DELIVERED, new Subject(Touchpoint.DELIVERY, JourneyStage.SERVICE),
            JourneyEventType.SERVICE_CONTACT, new Subject(Touchpoint.CALL_CENTER, JourneyStage.SERVICE));

    private record Subject(Touchpoint touchpoint, JourneyStage stage) {}

    private final SurveyProperties properties;
    private final SurveyRepository surveys;
    private final SurveyLinks links;
    private final CustomerRepository customers;
    private final OutboxRepository outbox;
    private final MessageTemplates templates;
    private final Clock clock;

    public SurveyInvitations(
            SurveyProperties properties,
            SurveyRepository surveys,
            SurveyLinks links,
            CustomerRepository customers,
            OutboxRepository outbox,
            MessageTemplates templates,
            Clock clock) {
        this.properties = properties;
        this.surveys = surveys;
        this.links = links;
        this.customers = customers;
        this.outbox = outbox;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Invites the customer after the event, in the caller's transaction, if the event is configured and the contact
     * policy allows it; returns the outbox message's id.
     */
    public Optional<String> afterEvent(String customerId, JourneyEventType type, String eventId) {
        Subject subject = SUBJECTS.get(type);
        if (subject == null || !properties.afterEvents().contains(type)) {
            return Optional.empty();
        }
        Customer customer = customers.find(customerId).orElse(null);
        if (customer == null) {
            return Optional.empty();
        }
        Optional<Channel> channel = customer.firstReachable(Channel.EMAIL, Channel.SMS);
        if (channel.isEmpty()) {
            log.debug("No survey invitation to {} after {}: no e-mail or SMS consent", customerId, type);
            return Optional.empty();
        }
        if (surveys.invitedSince(customerId, clock.instant().minus(properties.minInterval()))) {
            log.debug(
                    "No survey invitation to {} after {}: invited within {}",
                    customerId,
                    type,
                    properties.minInterval());
            return Optional.empty();
        }
        OpenedSurvey survey = links.about(
                customerId,
                subject.touchpoint().name(),
                subject.stage().name(),
                channel.get().name(),
                eventId);
        RenderedMessage rendered = templates.render(
                TEMPLATE,
                Locale.forLanguageTag(customer.language()),
                Map.of(
                        "firstName",
                        customer.firstName() == null ? "" : customer.firstName(),
                        "lastName",
                        customer.lastName() == null ? "" : customer.lastName(),
                        "eventType",
                        type.name(),
                        "surveyUrl",
                        survey.url()));
        String messageId = outbox.queue(new NewMessage(
                customerId,
                null,
                null,
                null,
                channel.get(),
                TEMPLATE,
                customer.addressFor(channel.get()),
                customer.language(),
                rendered.subject(),
                rendered.htmlBody(),
                rendered.textBody(),
                null,
                false));
        log.info("Survey {} after {} {} sent to {} by {}", survey.surveyId(), type, eventId, customerId, channel.get());
        return Optional.of(messageId);
    }
}
