package io.cxloop.processes.testing;

import io.cxloop.processes.reconnect.CampaignOutcome;
import io.cxloop.processes.reconnect.IssuedOffer;
import io.cxloop.processes.reconnect.ReconnectCampaignPort;
import io.cxloop.processes.reconnect.ReconnectDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory campaign store for process tests: it decides what the test told it to, issues numbered offers, and
 * records every call. Not transactional: a call in a rolled-back job stays recorded.
 */
public class RecordingCampaignPort implements ReconnectCampaignPort {

    public static final Instant OFFER_EXPIRES_AT = Instant.parse("2031-03-31T22:00:00Z");

    public record Decided(String campaignId, ReconnectDecision decision) {}

    public record Issued(String campaignId, String decisionId, IssuedOffer offer) {}

    private final List<Decided> decisions = new ArrayList<>();
    private final List<Issued> offers = new ArrayList<>();
    private final Map<String, List<CampaignOutcome>> outcomes = new ConcurrentHashMap<>();
    private boolean nextActionChosen;
    private Instant nextHeldOutUntil;
    private RuntimeException offerFailure;

    /** Forgets all calls; the next decision is "no action". */
    public synchronized void reset() {
        decisions.clear();
        offers.clear();
        outcomes.clear();
        nextActionChosen = false;
        nextHeldOutUntil = null;
        offerFailure = null;
    }

    /** The rules will choose to contact the customer with an offer. */
    public synchronized RecordingCampaignPort rulesChooseAnOffer() {
        nextActionChosen = true;
        return this;
    }

    /** The rules will choose an offer, but the customer is held out as control until {@code windowEnds}. */
    public synchronized RecordingCampaignPort rulesChooseAnOfferButTheCustomerIsHeldOut(Instant windowEnds) {
        nextActionChosen = true;
        nextHeldOutUntil = windowEnds;
        return this;
    }

    /** The rules will decide not to contact the customer. */
    public synchronized RecordingCampaignPort rulesChooseNoAction() {
        nextActionChosen = false;
        return this;
    }

    /** Issuing an offer will fail, like a broken database or outbox. */
    public synchronized RecordingCampaignPort offerIssuingFailsWith(RuntimeException failure) {
        offerFailure = failure;
        return this;
    }

    @Override
    public synchronized ReconnectDecision decide(String campaignId) {
        String decisionId = "decision-" + (decisions.size() + 1);
        ReconnectDecision decision = nextHeldOutUntil != null
                ? ReconnectDecision.heldOut(decisionId, nextHeldOutUntil)
                : new ReconnectDecision(decisionId, nextActionChosen);
        decisions.add(new Decided(campaignId, decision));
        return decision;
    }

    @Override
    public synchronized IssuedOffer issueOfferAndQueueMessage(String campaignId, String decisionId) {
        if (offerFailure != null) {
            throw offerFailure;
        }
        int number = offers.size() + 1;
        IssuedOffer offer = new IssuedOffer("WELCOME-BACK-" + number, "message-" + number, OFFER_EXPIRES_AT);
        offers.add(new Issued(campaignId, decisionId, offer));
        return offer;
    }

    @Override
    public synchronized void recordOutcome(String campaignId, CampaignOutcome outcome) {
        outcomes.computeIfAbsent(campaignId, id -> new ArrayList<>()).add(outcome);
    }

    public synchronized List<Decided> decisions() {
        return List.copyOf(decisions);
    }

    public synchronized List<Issued> offers() {
        return List.copyOf(offers);
    }

    /** Outcomes recorded per campaign, in call order. */
    public synchronized List<CampaignOutcome> outcomesOf(String campaignId) {
        return List.copyOf(outcomes.getOrDefault(campaignId, List.of()));
    }
}
