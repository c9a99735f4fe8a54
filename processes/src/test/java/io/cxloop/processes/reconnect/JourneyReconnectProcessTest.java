package io.cxloop.processes.reconnect;

import static io.cxloop.processes.reconnect.JourneyReconnect.MESSAGE_DELIVERY_FAILED;
import static io.cxloop.processes.reconnect.JourneyReconnect.MESSAGE_GOAL_REACHED;
import static io.cxloop.processes.reconnect.JourneyReconnect.PROCESS_KEY;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_ACTION_CHOSEN;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_CUSTOMER_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DECISION_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_DELIVERY_FAILURE;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_FAILED_CHANNEL;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_GOAL_EVENT_TYPE;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_MESSAGE_ID;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_OFFER_CODE;
import static io.cxloop.processes.reconnect.JourneyReconnect.VAR_OFFER_EXPIRES_AT;
import static io.cxloop.processes.testing.ReconnectCampaigns.PURCHASE_COMPLETED;
import static io.cxloop.processes.testing.ReconnectCampaigns.cartAbandonedBy;
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

/** One test per path through {@code journey-reconnect}; timers and async steps run by executing their jobs. */
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
        assertThat(campaign).isWaitingAt("Task_DecideNextBestAction");
        execute(job());

        assertThat(campaign).isWaitingAt("Task_RecordNoAction");
        assertThat(campaign).variables().containsEntry(VAR_DECISION_ID, "decision-1");
        assertThat(campaign).variables().containsEntry(VAR_ACTION_CHOSEN, false);
        execute(job());

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
                .containsEntry(VAR_DECISION_ID, "decision-1")
                .containsEntry(VAR_ACTION_CHOSEN, true)
                .containsEntry(VAR_OFFER_CODE, "WELCOME-BACK-1")
                .containsEntry(VAR_MESSAGE_ID, "message-1")
                .containsEntry(VAR_OFFER_EXPIRES_AT, Date.from(RecordingCampaignPort.OFFER_EXPIRES_AT));
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
        assertThat(campaign).isWaitingAt("Task_RecordExpired");
        assertThat(goalReached("customer-42", PURCHASE_COMPLETED))
                .as("a purchase after expiry finds no waiting campaign")
                .isEmpty();
        execute(job());

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
        execute(job());

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
        execute(job());
        execute(job("Event_ControlWindowEnded", didNotBuy));
        execute(job());
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

        assertThat(campaign).isWaitingAt("Task_DecideNextBestAction");
        assertThat(campaign)
                .variables()
                .containsEntry(VAR_FAILED_CHANNEL, "EMAIL")
                .containsEntry(VAR_DELIVERY_FAILURE, "address bounced");
        execute(job());
        execute(job("Task_IssueOfferAndQueueMessage", campaign));
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
        execute(job("Task_DecideNextBestAction", campaign));
        execute(job("Task_IssueOfferAndQueueMessage", campaign));
        assertThat(goalReached("customer-7", PURCHASE_COMPLETED)).isEmpty();
        assertThat(goalReached("customer-42", "NEWSLETTER_SIGNUP")).isEmpty();
        assertThat(campaign).isWaitingAt("Gateway_WaitForGoalOrExpiry").isWaitingFor(MESSAGE_GOAL_REACHED);
        assertThat(campaigns.outcomesOf("campaign-1")).isEmpty();
    }

    @Test
    void failingOfferIssueBecomesAnIncidentAndResumesWhenRetried() {
        campaigns.rulesChooseAnOffer().offerIssuingFailsWith(new IllegalStateException("outbox unavailable"));
        ProcessInstance campaign = start("customer-42", "campaign-1");
        execute(job("Event_DelayElapsed", campaign));
        execute(job("Task_DecideNextBestAction", campaign));

        Job issue = job("Task_IssueOfferAndQueueMessage", campaign);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> execute(issue)).hasMessageContaining("outbox unavailable");
        }

        Incident incident = runtimeService()
                .createIncidentQuery()
                .processInstanceId(campaign.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_IssueOfferAndQueueMessage");
        assertThat(incident.getIncidentMessage()).contains("outbox unavailable");
        assertThat(campaign)
                .isWaitingAt("Task_IssueOfferAndQueueMessage")
                .hasVariables(VAR_DECISION_ID)
                .variables()
                .doesNotContainKeys(VAR_OFFER_CODE, VAR_MESSAGE_ID, VAR_OFFER_EXPIRES_AT);

        // an operator retries once the outbox is back
        campaigns.offerIssuingFailsWith(null);
        managementService().setJobRetries(issue.getId(), 1);
        execute(job("Task_IssueOfferAndQueueMessage", campaign));
        assertThat(campaign).isWaitingAt("Gateway_WaitForGoalOrExpiry");
        assertThat(campaigns.decisions()).as("the decision is not taken again").hasSize(1);
    }

    private ProcessInstance start(String customerId, String campaignId) {
        return runtimeService()
                .startProcessInstanceByKey(PROCESS_KEY, campaignId, cartAbandonedBy(customerId, campaignId));
    }

    private ProcessInstance startAndWaitForOfferOutcome(String customerId, String campaignId) {
        ProcessInstance campaign = start(customerId, campaignId);
        execute(job("Event_DelayElapsed", campaign));
        assertThat(campaign).isWaitingAt("Task_DecideNextBestAction");
        execute(job());
        assertThat(campaign).isWaitingAt("Task_IssueOfferAndQueueMessage");
        execute(job());
        assertThat(campaign).isWaitingAt("Gateway_WaitForGoalOrExpiry").isWaitingFor(MESSAGE_GOAL_REACHED);
        return campaign;
    }

    /** Exactly how the engine correlates a goal event. */
    private static List<MessageCorrelationResult> goalReached(String customerId, String goalEventType) {
        return runtimeService()
                .createMessageCorrelation(MESSAGE_GOAL_REACHED)
                .processInstanceVariableEquals(VAR_CUSTOMER_ID, customerId)
                .processInstanceVariableEquals(VAR_GOAL_EVENT_TYPE, goalEventType)
                .correlateAllWithResult();
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
