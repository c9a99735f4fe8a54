package io.cxloop.engine.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.cases.CaseRepository;
import io.cxloop.engine.customer.Customer;
import io.cxloop.rules.invitation.InvitationDecision;
import io.cxloop.rules.invitation.InvitationEngine;
import io.cxloop.rules.invitation.InvitationRequest;
import io.cxloop.rules.invitation.ReviewOccasion;
import io.cxloop.rules.invitation.SurveyOccasion;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.nba.ActionType;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The invitation decisions of the application — a survey after a journey event, a review after a promoter's rating —
 * made by their rule sets ({@code survey-invitation}, {@code review-invitation}) at decision time under the active
 * contact policy ({@code contact-policy}, the same one the next-best action follows, composed into their session):
 * consent and addresses, open complaint cases, the marketing caps counted over every process's messages, quiet hours.
 * Each decision is recorded like a next-best-action decision, with its facts, rule-set version, contact-policy version
 * and explanations, so that a customer who is not invited (or invited later) can be told why.
 */
@Component
public class InvitationDecider {

    /** A recorded invitation decision. */
    public record DecidedInvitation(StoredDecision stored, InvitationDecision decision) {

        public boolean invites() {
            return decision.invites();
        }
    }

    private final InvitationEngine surveys;
    private final InvitationEngine reviews;
    private final DecisionRepository decisions;
    private final ContactHistory contacts;
    private final CaseRepository cases;
    private final ContactPolicy contactPolicy;
    private final ObjectMapper json;
    private final Clock clock;

    public InvitationDecider(
            @Qualifier("surveyInvitationEngine") InvitationEngine surveys,
            @Qualifier("reviewInvitationEngine") InvitationEngine reviews,
            DecisionRepository decisions,
            ContactHistory contacts,
            CaseRepository cases,
            ContactPolicyProperties contactPolicy,
            ObjectMapper json,
            Clock clock) {
        this.surveys = surveys;
        this.reviews = reviews;
        this.decisions = decisions;
        this.contacts = contacts;
        this.cases = cases;
        this.contactPolicy = contactPolicy.toPolicy();
        this.json = json;
        this.clock = clock;
    }

    /**
     * Whether and how the customer is asked to rate a touchpoint after a journey event.
     *
     * @param delay how long after the event (now) the invitation is meant to go
     */
    public DecidedInvitation survey(Customer customer, SurveyOccasion occasion, Duration delay) {
        Instant now = clock.instant();
        InvitationRequest request = InvitationRequest.survey(
                profile(customer), occasion, contactsOf(customer, now), now, now.plus(delay), contactPolicy);
        return record(customer, request, surveys.decide(request), ActionType.SURVEY_INVITATION);
    }

    /** Whether and how a customer who rated us is invited to write a review. */
    public DecidedInvitation review(Customer customer, ReviewOccasion occasion) {
        Instant now = clock.instant();
        InvitationRequest request =
                InvitationRequest.review(profile(customer), occasion, contactsOf(customer, now), now, contactPolicy);
        return record(customer, request, reviews.decide(request), ActionType.REVIEW_INVITATION);
    }

    private CustomerProfile profile(Customer customer) {
        return customer.toProfile().withOpenComplaintCases(cases.countOpen(customer.customerId()));
    }

    private List<ContactRecord> contactsOf(Customer customer, Instant now) {
        return contacts.since(customer.customerId(), now.minus(contactPolicy.window()));
    }

    private DecidedInvitation record(
            Customer customer, InvitationRequest request, InvitationDecision decision, ActionType action) {
        StoredDecision stored = new StoredDecision(
                UUID.randomUUID().toString(),
                customer.customerId(),
                null,
                decision.invites() ? action : ActionType.NO_ACTION,
                decision.channel(),
                null,
                decision.ruleSetVersion(),
                decision.explanations(),
                request.now(),
                decision.notBefore(),
                null,
                null,
                decision.contactPolicyVersion());
        decisions.insert(stored, write(request));
        return new DecidedInvitation(stored, decision);
    }

    private String write(InvitationRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision facts cannot be written as JSON", e);
        }
    }
}
