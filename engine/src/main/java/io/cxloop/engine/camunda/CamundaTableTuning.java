package io.cxloop.engine.camunda;

import java.sql.Connection;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What cxloop does to Camunda's tables and its look for due jobs: every job gets a due date and the look finds due jobs
 * by an index ({@link JobDueDates}); on H2, the planner's hint for the variables query ({@link H2QueryPlans}).
 */
final class CamundaTableTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CamundaTableTuning.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String tablePrefix = configuration.getDatabaseTablePrefix();
        try (Connection connection = configuration.getDataSource().getConnection()) {
            try {
                H2QueryPlans.apply(connection);
                JobDueDates.createIndex(connection, tablePrefix);
            } catch (SQLException e) {
                // slower queries, not a failure: e.g. another node creating the index at the same moment
                log.warn("Could not tune Camunda's tables: {}", e.getMessage());
            }
            // a job without a due date would never run: the node does not start without giving them one
            int jobs = JobDueDates.giveDueDates(
                    connection, tablePrefix, ClockUtil.getCurrentTime().toInstant());
            if (jobs > 0) {
                log.info("Gave {} jobs without a due date (made by an earlier build) the due date now", jobs);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not give Camunda's jobs without a due date one", e);
        }
    }

    @Override
    public String toString() {
        return "Camunda table tuning";
    }
}
