package io.cxloop.engine.camunda;

import java.sql.Connection;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What cxloop does to Camunda's tables once the engine has built (and, on a new database, created) them: the index on
 * the jobs' due date ({@link JobDueDateIndex}) and, on H2, the planner's hint for the variables query
 * ({@link H2QueryPlans}). Neither is needed for correctness: a failure is logged and the engine runs without.
 */
final class CamundaTableTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CamundaTableTuning.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection()) {
            H2QueryPlans.apply(connection);
            JobDueDateIndex.create(connection, configuration.getDatabaseTablePrefix());
        } catch (SQLException e) {
            // slower queries, not a failure: e.g. another node creating the index at the same moment
            log.warn("Could not tune Camunda's tables: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "Camunda table tuning";
    }
}
