package io.cxloop.engine.cases;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.ESCALATION_GROUP;

import io.cxloop.connectors.template.MessageTemplates;
import io.cxloop.connectors.template.RenderedMessage;
import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.customer.CustomerRepository;
import io.cxloop.engine.decision.ContactPolicyProperties;
import io.cxloop.engine.decision.InvitationDecider;
import io.cxloop.engine.decision.InvitationDecider.DecidedInvitation;
import io.cxloop.engine.feedback.Feedback;
import io.cxloop.engine.feedback.FeedbackProperties;
import io.cxloop.engine.feedback.FeedbackRepository;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.message.OutboxRepository.NewMessage;
import io.cxloop.engine.optout.UnsubscribeLinks;
import io.cxloop.engine.survey.SurveyLinks;
import io.cxloop.engine.survey.SurveyLinks.OpenedSurvey;
import io.cxloop.processes.feedback.CaseResolution;
import io.cxloop.processes.feedback.CustomerMessage;
import io.cxloop.processes.feedback.FeedbackLoopPort;
import io.cxloop.rules.invitation.ReviewOccasion;
import io.cxloop.rules.model.Channel;
import io.cxloop.rules.model.Touchpoint;
import io.cxloop.rules.nba.ContactPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The application side of the {@code feedback-closed-loop} process: cases with their history, and messages through
 * the outbox. Runs inside the process engine's transaction, so a step's rows commit together with the process state
 * or not at all. The contact policy is checked here and once more by the dispatcher: the invitation to write a review
 * is marketing and is decided by the {@code review-invitation} rules (consent, open cases, marketing caps, quiet
 * hours; the decision is recorded with its reasons); service messages to the customer (apology, thank-you, follow-up
 * survey) need consent, are not capped and wait out the customer's quiet hours.
 */
@Component
public class FeedbackLoopAdapter implements FeedbackLoopPort {

    /** Message templates of the loop; the dispatcher's contact policy knows the staff ones. */
    public static final String TEMPLATE_CALL_BACK = "case-call-back";

    public static final String TEMPLATE_ESCALATION = "case-escalation";
    public static final String TEMPLATE_FOLLOW_UP_SURVEY = "follow-up-survey";

    private static final Map<CustomerMessage, String> TEMPLATES = Map.of(
            CustomerMessage.APOLOGY, "case-apology",
            CustomerMessage.REVIEW_INVITATION, "review-invitation",
            CustomerMessage.THANK_YOU, "feedback-thank-you");

    private static final Logger log = LoggerFactory.getLogger(FeedbackLoopAdapter.class);

    private final FeedbackRepository feedback;
    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final OutboxRepository outbox;
    private final MessageTemplates templates;
    private final SurveyLinks surveys;
    private final UnsubscribeLinks unsubscribeLinks;
    private final FeedbackProperties properties;
    private final InvitationDecider invitations;
    private final ContactPolicy contactPolicy;
    private final Clock clock;

    public FeedbackLoopAdapter(
            FeedbackRepository feedback,
            CaseRepository cases,
            CustomerRepository customers,
            OutboxRepository outbox,
            MessageTemplates templates,
            SurveyLinks surveys,
            UnsubscribeLinks unsubscribeLinks,
            FeedbackProperties properties,
            InvitationDecider invitations,
            ContactPolicyProperties contactPolicy,
            Clock clock) {
        this.feedback = feedback;
        this.cases = cases;
        this.customers = customers;
        this.outbox = outbox;
        this.templates = templates;
        this.surveys = surveys;
        this.unsubscribeLinks = unsubscribeLinks;
        this.properties = properties;
        this.invitations = invitations;
        this.contactPolicy = contactPolicy.toPolicy();
        this.clock = clock;
    }

    @Override
    public OpenedCase openCase(String feedbackId) {
        Feedback rated = feedback(feedbackId);
        if (rated.team() == null || rated.slaHours() == null || rated.severity() == null) {
            throw new IllegalStateException("feedback " + feedbackId + " has no triage with team, SLA and severity");
        }
        Instant now = clock.instant();
        Instant slaDueAt = rated.receivedAt().plus(Duration.ofHours(rated.slaHours()));
        String caseId = UUID.randomUUID().toString();
        cases.open(
                new FeedbackCase(
                        caseId,
                        rated.customerId(),
                        feedbackId,
                        rated.team(),
                        rated.team(),
                        null,
                        CaseStatus.OPEN,
                        rated.severity().name(),
                        slaDueAt,
                        false,
                        false,
                        null,
                        null,
                        null,
                        rated.processInstanceId(),
                        now,
                        null,
                        null,
                        now),
                null);
        log.info("Case {} opened for feedback {} (team {}, SLA due {})", caseId, feedbackId, rated.team(), slaDueAt);
        return new OpenedCase(caseId, slaDueAt);
    }

    @Override
    public String queueCallBack(String caseId) {
        FeedbackCase complaint = cases.get(caseId);
        Customer customer = customer(complaint.customerId());
        Instant now = clock.instant();
        if (customer.firstReachable(Channel.CALL_QUEUE).isEmpty()) {
            cases.note(caseId, "CALL_BACK_SKIPPED", null, "no phone number or no consent to be called", now);
            return null;
        }
        Feedback rated = feedback(complaint.feedbackId());
        String messageId = queue(
                customer,
                Channel.CALL_QUEUE,
                TEMPLATE_CALL_BACK,
                customer.phone(),
                customer.language(),
                variables(customer, rated, complaint),
                properties.callBackPriority(rated.severity()),
                false);
        cases.linkMessage(caseId, messageId, "CALL_BACK");
        cases.note(caseId, "CALL_BACK_QUEUED", null, "priority " + properties.callBackPriority(rated.severity()), now);
        return messageId;
    }

    @Override
    public Optional<String> sendCustomerMessage(String feedbackId, String caseId, CustomerMessage message) {
        Feedback rated = feedback(feedbackId);
        Customer customer = customer(rated.customerId());
        Instant now = clock.instant();
        String decisionId = null;
        Instant notBefore = null;
        if (message == CustomerMessage.REVIEW_INVITATION) {
            // marketing: the review-invitation rules decide now, under the caps, quiet hours, consent and open cases
            DecidedInvitation decided = invitations.review(
                    customer, new ReviewOccasion(feedbackId, rated.npsClass(), Touchpoint.valueOf(rated.touchpoint())));
            if (!decided.invites()) {
                log.info(
                        "No review invitation to customer {} for feedback {}: decision {}",
                        customer.customerId(),
                        feedbackId,
                        decided.stored().decisionId());
                return Optional.empty();
            }
            decisionId = decided.stored().decisionId();
            notBefore = decided.decision().notBefore();
        } else if (customer.firstReachable(Channel.EMAIL).isEmpty()) {
            String refusal = "no e-mail address or no consent to e-mail";
            log.info("No {} to customer {} for feedback {}: {}", message, customer.customerId(), feedbackId, refusal);
            if (caseId != null) {
                cases.note(caseId, message + "_SKIPPED", null, refusal, now);
            }
            return Optional.empty();
        }
        FeedbackCase complaint = caseId == null ? null : cases.get(caseId);
        Map<String, Object> variables = variables(customer, rated, complaint);
        variables.put("reviewUrl", properties.reviewUrl().toString());
        var unsubscribe = message == CustomerMessage.REVIEW_INVITATION
                ? unsubscribeLinks.forCustomer(customer.customerId(), Channel.EMAIL)
                : null;
        if (unsubscribe != null) {
            // marketing e-mail shows its unsubscribe link in the body too (UWG § 7 (3))
            variables.put("unsubscribeUrl", unsubscribe.url());
        }
        // service messages are not capped, but wait out the customer's quiet hours like marketing does
        Instant leavesAt = notBefore != null ? notBefore : contactPolicy.quietHoursEnd(now, customer.timezone());
        String messageId = queue(
                customer,
                Channel.EMAIL,
                TEMPLATES.get(message),
                customer.email(),
                customer.language(),
                variables,
                null,
                // an invitation to advocate is marketing: it honours unsubscribes and carries the link
                message == CustomerMessage.REVIEW_INVITATION,
                decisionId,
                leavesAt);
        if (caseId != null) {
            cases.linkMessage(caseId, messageId, message.name());
            cases.note(caseId, message + "_SENT", null, leavesAt == null ? null : "waits until " + leavesAt, now);
        }
        return Optional.of(messageId);
    }

    @Override
    public void escalateSlaBreach(String caseId) {
        FeedbackCase complaint = cases.get(caseId);
        Customer customer = customer(complaint.customerId());
        Feedback rated = feedback(complaint.feedbackId());
        String lead = properties.teamLeadOf(complaint.team());
        Map<String, Object> variables = variables(customer, rated, complaint);
        String messageId = queue(
                customer, Channel.EMAIL, TEMPLATE_ESCALATION, lead, properties.staffLanguage(), variables, null, false);
        cases.linkMessage(caseId, messageId, "ESCALATION");
        cases.breach(caseId, clock.instant(), "SLA due " + complaint.slaDueAt() + " missed; " + lead + " notified");
    }

    @Override
    public void reassign(String caseId, String candidateGroup) {
        cases.moveToGroup(caseId, candidateGroup, clock.instant());
    }

    @Override
    public void assign(String caseId, String assignee) {
        cases.assign(caseId, assignee, clock.instant());
    }

    @Override
    public void recordCallOutcome(String caseId, String callOutcome) {
        cases.recordCallOutcome(caseId, callOutcome, "REACHED".equals(callOutcome), clock.instant());
    }

    @Override
    public void recordContact(String caseId, String agent, String outcome, String rootCause) {
        cases.recordContact(caseId, agent, outcome, rootCause, clock.instant());
    }

    @Override
    public String sendFollowUpSurvey(String caseId) {
        FeedbackCase complaint = cases.get(caseId);
        Customer customer = customer(complaint.customerId());
        Feedback rated = feedback(complaint.feedbackId());
        Channel channel = customer.firstReachable(Channel.EMAIL, Channel.SMS).orElse(null);
        OpenedSurvey survey = surveys.followUp(customer.customerId(), caseId, channel == null ? null : channel.name());
        Instant now = clock.instant();
        if (channel == null) {
            cases.note(caseId, "FOLLOW_UP_SKIPPED", null, "no e-mail or SMS consent", now);
            return survey.surveyId();
        }
        Map<String, Object> variables = variables(customer, rated, complaint);
        variables.put("surveyUrl", survey.url());
        Instant leavesAt = contactPolicy.quietHoursEnd(now, customer.timezone());
        String messageId = queue(
                customer,
                channel,
                TEMPLATE_FOLLOW_UP_SURVEY,
                customer.addressFor(channel),
                customer.language(),
                variables,
                null,
                false,
                null,
                leavesAt);
        cases.linkMessage(caseId, messageId, "FOLLOW_UP_SURVEY");
        cases.note(
                caseId,
                "FOLLOW_UP_SENT",
                null,
                "survey " + survey.surveyId() + " by " + channel
                        + (leavesAt == null ? "" : ", waits until " + leavesAt),
                now);
        return survey.surveyId();
    }

    @Override
    public Instant reopenCase(String caseId) {
        FeedbackCase complaint = cases.get(caseId);
        Feedback rated = feedback(complaint.feedbackId());
        Instant now = clock.instant();
        Instant slaDueAt = now.plus(Duration.ofHours(rated.slaHours()));
        cases.reopen(caseId, ESCALATION_GROUP, slaDueAt, now, "the follow-up showed no improvement");
        return slaDueAt;
    }

    @Override
    public void closeCase(String caseId, CaseResolution resolution) {
        CaseStatus status =
                resolution == CaseResolution.UNCONFIRMED ? CaseStatus.CLOSED_UNCONFIRMED : CaseStatus.CLOSED;
        cases.close(caseId, status, resolution.name(), clock.instant());
        log.info("Case {} closed: {}", caseId, resolution);
    }

    private String queue(
            Customer customer,
            Channel channel,
            String template,
            String recipient,
            String language,
            Map<String, Object> variables,
            Integer priority,
            boolean marketing) {
        return queue(customer, channel, template, recipient, language, variables, priority, marketing, null, null);
    }

    /** Queues a message that leaves at once, or at {@code notBefore} when that is later. */
    private String queue(
            Customer customer,
            Channel channel,
            String template,
            String recipient,
            String language,
            Map<String, Object> variables,
            Integer priority,
            boolean marketing,
            String decisionId,
            Instant notBefore) {
        RenderedMessage rendered = templates.render(template, Locale.forLanguageTag(language), variables);
        return outbox.queue(
                new NewMessage(
                        customer.customerId(),
                        null,
                        decisionId,
                        null,
                        channel,
                        template,
                        recipient,
                        language,
                        rendered.subject(),
                        rendered.htmlBody(),
                        rendered.textBody(),
                        priority,
                        marketing),
                notBefore);
    }

    private static Map<String, Object> variables(Customer customer, Feedback rated, FeedbackCase complaint) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("firstName", customer.firstName() == null ? "" : customer.firstName());
        variables.put("lastName", customer.lastName() == null ? "" : customer.lastName());
        variables.put("customerId", customer.customerId());
        variables.put("phone", customer.phone() == null ? "" : customer.phone());
        variables.put("scoreType", rated.scoreType().name());
        variables.put("score", rated.score());
        variables.put("npsClass", rated.npsClass().name());
        variables.put("comment", rated.comment() == null ? "" : rated.comment());
        variables.put("touchpoint", rated.touchpoint());
        variables.put("topics", rated.topics().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        if (complaint != null) {
            variables.put("caseId", complaint.caseId());
            variables.put("team", complaint.team());
            variables.put("severity", complaint.severity());
            variables.put("slaDueAt", complaint.slaDueAt().toString());
        }
        return variables;
    }

    private Feedback feedback(String feedbackId) {
        return feedback.find(feedbackId).orElseThrow(() -> new IllegalStateException("no feedback " + feedbackId));
    }

    private Customer customer(String customerId) {
        return customers.find(customerId).orElseThrow(() -> new IllegalStateException("no customer " + customerId));
    }
}
