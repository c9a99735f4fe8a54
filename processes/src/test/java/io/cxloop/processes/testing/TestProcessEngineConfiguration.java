package io.cxloop.processes.testing;

import io.cxloop.processes.feedback.FeedbackClosedLoopDelegates;
import io.cxloop.processes.reconnect.JourneyReconnectDelegates;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/**
 * The engine configured by {@code camunda.cfg.xml}: process test coverage, and handles on the fake ports. The engine is
 * cached and shared by all test classes; as it records coverage, every class using it registers {@code
 * ProcessEngineCoverageExtension} (otherwise starting a process fails with "Coverage state must be initialized").
 */
public class TestProcessEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

    private RecordingCampaignPort campaignPort;
    private RecordingFeedbackPort feedbackPort;

    /** The delegates of all processes, as the engine merges them. */
    public static Map<Object, Object> delegates(RecordingCampaignPort campaigns, RecordingFeedbackPort feedback) {
        Map<Object, Object> beans = new HashMap<>(JourneyReconnectDelegates.beans(campaigns));
        beans.putAll(FeedbackClosedLoopDelegates.beans(feedback));
        return beans;
    }

    public static RecordingFeedbackPort feedbackPortOf(ProcessEngine processEngine) {
        return ((TestProcessEngineConfiguration) processEngine.getProcessEngineConfiguration()).feedbackPort;
    }

    public void setFeedbackPort(RecordingFeedbackPort feedbackPort) {
        this.feedbackPort = feedbackPort;
    }

    public static RecordingCampaignPort campaignPortOf(ProcessEngine processEngine) {
        return ((TestProcessEngineConfiguration) processEngine.getProcessEngineConfiguration()).campaignPort;
    }

    public void setCampaignPort(RecordingCampaignPort campaignPort) {
        this.campaignPort = campaignPort;
    }

    @Override
    protected void init() {
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(this);
        super.init();
    }
}
