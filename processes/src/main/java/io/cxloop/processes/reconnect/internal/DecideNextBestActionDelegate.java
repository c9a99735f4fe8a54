package io.cxloop.processes.reconnect.internal;

import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_ACTION_CHOSEN;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_CAMPAIGN_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_CONTROL_WINDOW_ENDS_AT;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DECISION_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_HELD_OUT;

import io.cxloop.processes.reconnect.ReconnectCampaignPort;
import io.cxloop.processes.reconnect.ReconnectDecision;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Task_DecideNextBestAction}: asks the rules what to do and keeps the stored decision's id. Runs in the job of
 * the timer (or of the undeliverable message) before it, together with the offer step after it.
 */
public class DecideNextBestActionDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(DecideNextBestActionDelegate.class);

    private final ReconnectCampaignPort port;

    public DecideNextBestActionDelegate(ReconnectCampaignPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = ProcessVariables.requiredString(execution, VAR_CAMPAIGN_ID);
        ReconnectDecision decision = ProcessVariables.requiredResult(execution, port.decide(campaignId), "decision");
        if (decision.decisionId() == null || decision.decisionId().isBlank()) {
            throw new IllegalStateException("Decision for campaign " + campaignId + " has no id");
        }
        // the decision's id for the offer step, and the routing flags for the gateway right after this task: both run
        // in this transaction, so they are transient and cost no runtime and history rows (the stored decision, the
        // offer code and the outbox message keep the id and what was decided)
        execution.setVariable(VAR_DECISION_ID, Variables.stringValue(decision.decisionId(), true));
        execution.setVariable(VAR_ACTION_CHOSEN, Variables.booleanValue(decision.actionChosen(), true));
        execution.setVariable(VAR_HELD_OUT, Variables.booleanValue(decision.heldOut(), true));
        if (decision.heldOut()) {
            // the timer's timeDate expression needs java.util.Date
            execution.setVariable(VAR_CONTROL_WINDOW_ENDS_AT, Date.from(decision.controlWindowEndsAt()));
        }
        log.debug(
                "Campaign {} decided {} (action chosen: {}, held out: {})",
                campaignId,
                decision.decisionId(),
                decision.actionChosen(),
                decision.heldOut());
    }
}
