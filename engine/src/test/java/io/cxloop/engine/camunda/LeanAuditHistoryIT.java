package io.cxloop.engine.camunda;

import static io.cxloop.engine.support.Fixtures.cartAbandoned;
import static io.cxloop.engine.support.Fixtures.germanCustomerWithEmailConsent;
import static io.cxloop.engine.support.Fixtures.purchaseCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxloop.engine.support.EngineIT;
import io.cxloop.engine.support.ProcessDriver;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign's history under the engine's configured level ({@value LeanAuditHistory#NAME}): its path through the work
 * and how it ended, no gateways, no variables.
 */
class LeanAuditHistoryIT extends EngineIT {

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Test
    void theEngineRunsOnTheLeanLevel() {
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo(LeanAuditHistory.NAME);
        assertThat(management.getProperties()).containsEntry("historyLevel", String.valueOf(LeanAuditHistory.ID));
    }

    @Test
    void aConvertedCampaignsHistoryShowsItsWorkAndEndButNoGatewaysOrVariables() {
        String customerId = newCustomer(
                "c-" + UUID.randomUUID().toString().substring(0, 12),
                germanCustomerWithEmailConsent(
                        "lean-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        String processInstanceId =
                startedProcess(postAsAdmin("/api/events", cartAbandoned(customerId)), "cart-abandoned");
        ProcessDriver processes = new ProcessDriver(management);
        processes.fireTimer(processInstanceId, "Event_DelayElapsed");
        postAsAdmin("/api/events", purchaseCompleted(customerId));
        processes.runAsyncJobs(processInstanceId);

        HistoricProcessInstance campaign = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        assertThat(campaign.getState()).isEqualTo("COMPLETED");
        assertThat(campaign.getStartActivityId()).isEqualTo("StartEvent_JourneyEventReceived");
        assertThat(campaign.getEndActivityId()).isEqualTo("EndEvent_ConvertedAfterContact");
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .orderByHistoricActivityInstanceStartTime()
                        .asc()
                        .orderPartiallyByOccurrence()
                        .asc()
                        .list())
                .allSatisfy(activity -> assertThat(activity.getEndTime()).isNotNull())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactly(
                        "Event_DelayElapsed",
                        "Task_DecideNextBestAction",
                        "Task_IssueOfferAndQueueMessage",
                        "Event_GoalReachedAfterContact",
                        "Task_RecordConvertedAfterContact",
                        "EndEvent_ConvertedAfterContact");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isZero();
    }
}
