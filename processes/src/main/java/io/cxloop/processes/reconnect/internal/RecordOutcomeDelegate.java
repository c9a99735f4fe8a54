package io.cxloop.processes.reconnect.internal;

import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_CAMPAIGN_ID;

import io.cxloop.processes.reconnect.CampaignOutcome;
import io.cxloop.processes.reconnect.ReconnectCampaignPort;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Task_Record…} tasks: one delegate for all outcomes, each task names its outcome in the local input
 * parameter {@value #OUTCOME}.
 */
public class RecordOutcomeDelegate implements JavaDelegate {

    /** Local variable (input parameter) holding a {@link CampaignOutcome} name. */
    public static final String OUTCOME = "outcome";

    private static final Logger log = LoggerFactory.getLogger(RecordOutcomeDelegate.class);

    private final ReconnectCampaignPort port;

    public RecordOutcomeDelegate(ReconnectCampaignPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public void execute(DelegateExecution execution) {
        String campaignId = ProcessVariables.requiredString(execution, VAR_CAMPAIGN_ID);
        String outcomeName = ProcessVariables.requiredLocalString(execution, OUTCOME);
        CampaignOutcome outcome;
        try {
            outcome = CampaignOutcome.valueOf(outcomeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Activity " + execution.getCurrentActivityId() + " names unknown outcome '" + outcomeName + "'", e);
        }
        port.recordOutcome(campaignId, outcome);
        log.debug("Campaign {} ended: {}", campaignId, outcome);
    }
}
