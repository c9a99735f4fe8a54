package io.cxloop.processes.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/**
 * The engine configured by {@code camunda.cfg.xml}: process test coverage, and a handle on the fake port. The engine is
 * cached and shared by all test classes; as it records coverage, every class using it registers {@code
 * ProcessEngineCoverageExtension} (otherwise starting a process fails with "Coverage state must be initialized").
 */
public class TestProcessEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

    private RecordingCampaignPort campaignPort;

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
