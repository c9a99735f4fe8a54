package io.cxloop.processes.reconnect;

import static io.cxloop.processes.reconnect.JourneyReconnect.MESSAGE_DELIVERY_FAILED;
import static io.cxloop.processes.reconnect.JourneyReconnect.MESSAGE_GOAL_REACHED;
import static io.cxloop.processes.reconnect.JourneyReconnect.PROCESS_KEY;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_ACTION_CHOSEN;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DECISION_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DELIVERY_FAILURE;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_FAILED_CHANNEL;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_GOAL_EVENT_TYPE;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_HELD_OUT;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_MESSAGE_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_OFFER_EXPIRES_AT;
import static io.cxloop.processes.testing.ReconnectCampaigns.PURCHASE_COMPLETED;
import static io.cxloop.processes.testing.ReconnectCampaigns.businessKey;
import static io.cxloop.processes.testing.ReconnectCampaigns.cartAbandoned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.cxloop.processes.testing.RecordingCampaignPort;
import io.cxloop.processes.testing.RecordingCampaignPort.Issued;
import io.cxloop.processes.testing.TestProcessEngineConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One test per path through {@code journey-reconnect}; timers and async steps run by executing their jobs. A timer's job
 * runs the steps after it up to the next wait state.
 */
@Deployment(resources = JourneyReconnect.BPMN_RESOURCE)
class JourneyReconnectProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private RecordingCampaignPort campaigns;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        campaigns = TestProcessEngineConfiguration.campaignPortOf(engine.getProcessEngine());
        campaigns.reset();
    }

    @Test
    void customerWhoBuysBeforeTheDelayIsNeverContacted() {
        ProcessInstance campaign = start("customer-42", "campaign-1");
        assertThat(campaign).isWaitingAt("Gateway_WaitForGoalOrDelay").isWaitingFor(MESSAGE_GOAL_REACHED);

        assertThat(goalReached("customer-42", PURCHASE_COMPLETED)).hasSize(1);

        assertThat(campaign).isWaitingAt("Task_RecordConvertedBeforeContact");
        execute(job());
        assertThat(campaign)
                .hasPassedInOrder(
                        "Event_GoalReachedBeforeContact",
                        "Task_RecordConvertedBeforeContact",
                        "EndEvent_ConvertedBeforeContact")
                .hasNotPassed("Event_DelayElapsed", "Task_DecideNextBestAction")
                .isEnded();
        assertThat(campaigns.decisions()).isEmpty();
        assertThat(campaigns.offers()).isEmpty();
        assertThat(campaigns.outcomesOf("campaign-1")).containsExactly(CampaignOutcome.CONVERTED_BEFORE_CONTACT);
        assertThat(timerJobs()).isEmpty();
    }

    @Test
    void whenTheRulesChooseNoActionTheCampaignEndsWithoutContact() {
        campaigns.rulesChooseNoAction();
        ProcessInstance campaign = start("customer-42", "campaign-1");

        Job delay = job("Event_DelayElapsed", campaign);
        assertThat(delay.getDuedate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofHours(24))), 60_000);
        execute(delay);

        assertThat(campaign)
                .hasPassedInOrder("Event_DelayElapsed", "Task_DecideNextBestAction", "Task_RecordNoAction")
                .hasPassed("EndEvent_NoAction")
                .hasNotPassed("Task_IssueOfferAndQueueMessage")
                .isEnded();
        assertThat(campaigns.decisions()).singleElement().satisfies(decided -> assertThat(decided.campaignId())
                .isEqualTo("campaign-1"));
        assertThat(campaigns.offers()).isEmpty();
        assertThat(campaigns.outcomesOf("campaign-1")).containsExactly(CampaignOutcome.NO_ACTION);
    }

    @Test
    void customerWhoBuysAfterTheOfferConvertsAfterContact() {
        campaigns.rulesChooseAnOffer();
        ProcessInstance campaign = startAndWaitForOfferOutcome("customer-42", "campaign-1");

        assertThat(campaign)
                .variables()
                .containsEntry(VAR_MESSAGE_ID, "message-1")
                .containsEntry(VAR_OFFER_EXPIRES_AT, Date.from(RecordingCampaignPort.OFFER_EXPIRES_AT))
                // the decision's id and the gateway's routing flags lived only in the timer's transaction (the offer
                // step got the id, below); the decision row keeps them
                .doesNotContainKeys(VAR_DECISION_ID, VAR_ACTION_CHOSEN, VAR_HELD_OUT);
        assertThat(job("Event_OfferExpired", campaign).getDuedate())
                .isEqualTo(Date.from(RecordingCampaignPort.OFFER_EXPIRES_AT));
        assertThat(campaigns.offers())
                .extracting(Issued::campaignId, Issued::decisionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("campaign-1", "decision-1"));

        assertThat(goalReached("customer-42", PURCHASE_COMPLETED)).hasSize(1);

        assertThat(campaign).isWaitingAt("Task_RecordConvertedAfterContact");
        execute(job());
        assertThat(campaign)
                .hasPassedInOrder(
                        "Task_IssueOfferAndQueueMessage",
                        "Event_GoalReachedAfterContact",
                        "Task_RecordConvertedAfterContact",
                        "EndEvent_ConvertedAfterContact")
                .hasNotPassed("Event_OfferExpired")
                .isEnded();
        assertThat(campaigns.outcomesOf("campaign-1")).containsExactly(CampaignOutcome.CONVERTED_AFTER_CONTACT);
        assertThat(timerJobs()).isEmpty();
    }

    @Test
    void offerThatExpiresUnusedEndsTheCampaignAsExpired() {
        campaigns.rulesChooseAnOffer();
        ProcessInstance campaign = startAndWaitForOfferOutcome("customer-42", "campaign-1");

        execute(job("Event_OfferExpired", campaign));
        assertThat(goalReached("customer-42", PURCHASE_COMPLETED))
                .as("a purchase after expiry finds no waiting campaign")
                .isEmpty();

        assertThat(campaign)
                .hasPassedInOrder("Event_OfferExpired", "Task_RecordExpired", "EndEvent_Expired")
                .hasNotPassed("Event_GoalReachedAfterContact")
                .isEnded();
        assertThat(campaigns.outcomesOf("campaign-1")).containsExactly(CampaignOutcome.EXPIRED);
    }

    @Test
    void aHeldOutCustomerGetsNoOfferAndTheCampaignRecordsWhetherTheyBuyAnyway() {
        Instant windowEnds = Instant.parse("2031-04-01T10:00:00Z");
        campaigns.rulesChooseAnOfferButTheCustomerIsHeldOut(windowEnds);
        ProcessInstance bought = start("customer-42", "campaign-1");
        execute(job("Event_DelayElapsed", bought));

        assertThat(bought).isWaitingAt("Gateway_WaitForGoalInControl").isWaitingFor(MESSAGE_GOAL_REACHED);
        assertThat(job("Event_ControlWindowEnded", bought).getDuedate()).isEqualTo(Date.from(windowEnds));
        assertThat(goalReached("customer-42", PURCHASE_COMPLETED)).hasSize(1);
        execute(job());
        assertThat(bought)
                .hasPassedInOrder(
                        "Task_DecideNextBestAction", "Event_GoalReachedInControl", "Task_RecordConvertedInControl")
                .hasPassed("EndEvent_ConvertedInControl")
                .hasNotPassed("Task_IssueOfferAndQueueMessage")
                .isEnded();
        assertThat(campaigns.outcomesOf("campaign-1")).containsExactly(CampaignOutcome.CONVERTED_IN_CONTROL);

        ProcessInstance didNotBuy = start("customer-43", "campaign-2");
        execute(job("Event_DelayElapsed", didNotBuy));
        execute(job("Event_ControlWindowEnded", didNotBuy));
        assertThat(didNotBuy)
                .hasPassedInOrder(
                        "Event_ControlWindowEnded", "Task_RecordExpiredInControl", "EndEvent_ExpiredInControl")
                .isEnded();
        assertThat(campaigns.outcomesOf("campaign-2")).containsExactly(CampaignOutcome.EXPIRED_IN_CONTROL);
        assertThat(campaigns.offers()).isEmpty();
    }

    @Test
    void whenTheMessageCannotBeDeliveredTheRulesDecideAgainUntilNoChannelIsLeft() {
        campaigns.rulesChooseAnOffer();
        ProcessInstance campaign = startAndWaitForOfferOutcome("customer-42", "campaign-1");

        assertThat(deliveryFailed(campaign, "message-1", "EMAIL", "address bounced"))
                .hasSize(1);

        // the outbox's transaction only recorded the failure: the new decision waits in a job of its own
        assertThat(campaigns.decisions()).hasSize(1);
        assertThat(campaign)
                .variables()
                .containsEntry(VAR_FAILED_CHANNEL, "EMAIL")
                .containsEntry(VAR_DELIVERY_FAILURE, "address bounced");
        execute(job("Event_MessageUndeliverable", campaign));
        assertThat(campaign).isWaitingAt("Gateway_WaitForGoalOrExpiry").isWaitingFor(MESSAGE_DELIVERY_FAILED);
        assertThat(campaign).variables().containsEntry(VAR_MESSAGE_ID, "message-2");
        assertThat(deliveryFailed(campaign, "message-1", "EMAIL", "late duplicate"))
                .as("a report about the replaced message finds nobody waiting for it")
                .isEmpty();

        // the second channel fails as well and the rules find nothing else
        campaigns.rulesChooseNoAction();
        assertThat(deliveryFailed(campaign, "message-2", "SMS", "consent withdrawn"))
                .hasSize(1);
        execute(job());

        assertThat(campaign)
                .hasPassed("Event_MessageUndeliverable", "Task_RecordNoAction", "EndEvent_NoAction")
                .hasNotPassed("Event_OfferExpired", "Event_GoalReachedAfterContact")
                .isEnded();
        assertThat(campaigns.decisions()).hasSize(3);
        assertThat(campaigns.offers()).hasSize(2);
        assertThat(campaigns.outcomesOf("campaign-1")).containsExactly(CampaignOutcome.NO_ACTION);
        assertThat(timerJobs()).isEmpty();
    }

    @Test
    void goalEventOfAnotherCustomerOrTypeDoesNotEndTheCampaign() {
        campaigns.rulesChooseAnOffer();
        ProcessInstance campaign = start("customer-42", "campaign-1");
        ProcessInstance otherCampaign = start("customer-7", "campaign-2");

        assertThat(goalReached("customer-7", PURCHASE_COMPLETED))
                .extracting(result -> result.getExecution().getProcessInstanceId())
                .containsExactly(otherCampaign.getId());
        assertThat(goalReached("customer-42", "NEWSLETTER_SIGNUP")).isEmpty();
        assertThat(campaign).isWaitingAt("Gateway_WaitForGoalOrDelay");

        // and again at the second waiting point, after contact
        execute(job("Event_DelayElapsed", campaign));
        assertThat(goalReached("customer-7", PURCHASE_COMPLETED)).isEmpty();
        assertThat(goalReached("customer-42", "NEWSLETTER_SIGNUP")).isEmpty();
        assertThat(campaign).isWaitingAt("Gateway_WaitForGoalOrExpiry").isWaitingFor(MESSAGE_GOAL_REACHED);
        assertThat(campaigns.outcomesOf("campaign-1")).isEmpty();
    }

    @Test
    void failingOfferIssueBecomesAnIncidentOnTheDelayNamingTheFailedTaskAndResumesWhenRetried() {
        campaigns.rulesChooseAnOffer().offerIssuingFailsWith(new IllegalStateException("outbox unavailable"));
        ProcessInstance campaign = start("customer-42", "campaign-1");

        Job delay = job("Event_DelayElapsed", campaign);
        assertThatThrownBy(() -> execute(delay)).hasMessageContaining("outbox unavailable");
        Job retried = job("Event_DelayElapsed", campaign);
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate())
                .as("the next attempt five minutes later (R3/PT5M)")
                .isCloseTo(Date.from(Instant.now().plus(Duration.ofMinutes(5))), 60_000);
        for (int attempt = 2; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> execute(delay)).hasMessageContaining("outbox unavailable");
        }

        Incident incident = runtimeService()
                .createIncidentQuery()
                .processInstanceId(campaign.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Event_DelayElapsed");
        assertThat(incident.getFailedActivityId())
                .as("Cockpit shows the incident at the task that failed")
                .isEqualTo("Task_IssueOfferAndQueueMessage");
        assertThat(incident.getIncidentMessage()).contains("outbox unavailable");
        assertThat(campaign)
                .as("the decision of each attempt was rolled back with it")
                .isWaitingAt("Gateway_WaitForGoalOrDelay")
                .variables()
                .doesNotContainKeys(VAR_DECISION_ID, VAR_MESSAGE_ID, VAR_OFFER_EXPIRES_AT);

        // an operator retries once the outbox is back: decision and offer in one transaction
        campaigns.offerIssuingFailsWith(null);
        managementService().setJobRetries(delay.getId(), 1);
        execute(job("Event_DelayElapsed", campaign));
        assertThat(campaign).isWaitingAt("Gateway_WaitForGoalOrExpiry");
        String lastDecision = campaigns
                .decisions()
                .get(campaigns.decisions().size() - 1)
                .decision()
                .decisionId();
        assertThat(campaigns.offers()).singleElement().satisfies(offer -> assertThat(offer.decisionId())
                .isEqualTo(lastDecision));
        // the id reached the offer step (above) without being stored: the offer code and outbox row keep it
        assertThat(campaign).variables().doesNotContainKey(VAR_DECISION_ID);
    }

    @Test
    void failingDecisionAfterAnUndeliverableMessageLeavesTheOutboxReportInPlaceAndBecomesAnIncident() {
        campaigns.rulesChooseAnOffer();
        ProcessInstance campaign = startAndWaitForOfferOutcome("customer-42", "campaign-1");
        campaigns.offerIssuingFailsWith(new IllegalStateException("template missing"));

        assertThat(deliveryFailed(campaign, "message-1", "EMAIL", "address bounced"))
                .as("the report itself succeeds")
                .hasSize(1);
        Job decideAgain = job("Event_MessageUndeliverable", campaign);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> execute(decideAgain)).hasMessageContaining("template missing");
        }

        Incident incident = runtimeService()
                .createIncidentQuery()
                .processInstanceId(campaign.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Event_MessageUndeliverable");
        assertThat(incident.getFailedActivityId()).isEqualTo("Task_IssueOfferAndQueueMessage");
        assertThat(campaign).variables().containsEntry(VAR_FAILED_CHANNEL, "EMAIL");
    }

    private ProcessInstance start(String customerId, String campaignId) {
        return runtimeService()
                .startProcessInstanceByKey(PROCESS_KEY, businessKey(customerId), cartAbandoned(campaignId));
    }

    private ProcessInstance startAndWaitForOfferOutcome(String customerId, String campaignId) {
        ProcessInstance campaign = start(customerId, campaignId);
        execute(job("Event_DelayElapsed", campaign));
        assertThat(campaign).isWaitingAt("Gateway_WaitForGoalOrExpiry").isWaitingFor(MESSAGE_GOAL_REACHED);
        return campaign;
    }

    /**
     * How the engine correlates a goal event: to each of the customer's campaigns (the engine reads them from its
     * campaign table, here by business key) whose goal is that event type.
     */
    private static List<MessageCorrelationResult> goalReached(String customerId, String goalEventType) {
        return runtimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey(customerId))
                .list()
                .stream()
                .flatMap(instance -> runtimeService()
                        .createMessageCorrelation(MESSAGE_GOAL_REACHED)
                        .processInstanceId(instance.getId())
                        .processInstanceVariableEquals(VAR_GOAL_EVENT_TYPE, goalEventType)
                        .correlateAllWithResult()
                        .stream())
                .toList();
    }

    /** Exactly how the engine reports a message the outbox gave up on. */
    private static List<MessageCorrelationResult> deliveryFailed(
            ProcessInstance campaign, String messageId, String channel, String reason) {
        return runtimeService()
                .createMessageCorrelation(MESSAGE_DELIVERY_FAILED)
                .processInstanceId(campaign.getId())
                .processInstanceVariableEquals(VAR_MESSAGE_ID, messageId)
                .setVariable(VAR_FAILED_CHANNEL, channel)
                .setVariable(VAR_DELIVERY_FAILURE, reason)
                .correlateAllWithResult();
    }

    private static List<Job> timerJobs() {
        return managementService().createJobQuery().timers().list();
    }
}
