package io.cxloop.engine.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxloop.engine.cases.CaseRepository;
import io.cxloop.engine.customer.Customer;
import io.cxloop.engine.offer.OfferCatalogue;
import io.cxloop.rules.model.CustomerProfile;
import io.cxloop.rules.nba.CandidateOffer;
import io.cxloop.rules.nba.ContactPolicy;
import io.cxloop.rules.nba.ContactRecord;
import io.cxloop.rules.nba.NextBestAction;
import io.cxloop.rules.nba.NextBestActionEngine;
import io.cxloop.rules.nba.NextBestActionRequest;
import io.cxloop.rules.nba.ReconnectContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one next-best-action decision of the application, for the processes and for other systems alike: gathers the
 * facts (customer, consents, open complaint cases, contacts across all processes, the contact policy, the offers with
 * their usage and learned propensities), asks the active next-best-action rules (composed with the active contact
 * policy) and records the decision with its facts, both rule-set versions and its explanations.
 */
@Component
public class NextBestActionDecider {

    private final NextBestActionEngine rules;
    private final DecisionRepository decisions;
    private final ContactHistory contacts;
    private final CaseRepository cases;
    private final ContactPolicy contactPolicy;
    private final OfferCatalogue offers;
    private final ObjectMapper json;
    private final Clock clock;

    public NextBestActionDecider(
            NextBestActionEngine rules,
            DecisionRepository decisions,
            ContactHistory contacts,
            CaseRepository cases,
            ContactPolicyProperties contactPolicy,
            OfferCatalogue offers,
            ObjectMapper json,
            Clock clock) {
        this.rules = rules;
        this.decisions = decisions;
        this.contacts = contacts;
        this.cases = cases;
        this.contactPolicy = contactPolicy.toPolicy();
        this.offers = offers;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Decides and records the decision.
     *
     * @param catalogueOfferIds the catalogue offers the trigger names; they compete with its own offer
     * @param campaignId the campaign deciding, null for a decision asked for over the API
     */
    public StoredDecision decide(
            Customer customer, ReconnectContext context, List<String> catalogueOfferIds, String campaignId) {
        Instant now = clock.instant();
        Duration lookBack =
                context.reEntry().compareTo(contactPolicy.window()) > 0 ? context.reEntry() : contactPolicy.window();
        List<ContactRecord> recentContacts = contacts.since(customer.customerId(), now.minus(lookBack));
        CustomerProfile profile = customer.toProfile().withOpenComplaintCases(cases.countOpen(customer.customerId()));
        List<CandidateOffer> candidates =
                offers.candidates(context, catalogueOfferIds, customer.customerId(), customer.valueSegment());
        NextBestActionRequest request =
                new NextBestActionRequest(profile, context, recentContacts, now, contactPolicy, candidates);
        NextBestAction action = rules.decide(request);
        StoredDecision decision = new StoredDecision(
                UUID.randomUUID().toString(),
                customer.customerId(),
                campaignId,
                action.action(),
                action.channel(),
                action.offer(),
                action.ruleSetVersion(),
                action.explanations(),
                now,
                action.notBefore(),
                action.offerId(),
                action.score(),
                action.contactPolicyVersion());
        decisions.insert(decision, write(request));
        return decision;
    }

    private String write(NextBestActionRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision facts cannot be written as JSON", e);
        }
    }
}
