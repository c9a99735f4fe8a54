package io.cxloop.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * The history level {@value LeanAuditHistory#NAME} on a bare engine: what it records and leaves out, and the switch
 * between it and Camunda's {@code audit} on an existing database.
 */
class LeanAuditHistoryTest {

    /** start → exclusive gateway → timer → task → event-based gateway → timer → end, with variables. */
    private static BpmnModelInstance probe(String key) {
        return Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent("Start")
                .exclusiveGateway("Gateway_Route")
                .intermediateCatchEvent("Event_Wait")
                .timerWithDuration("PT1H")
                .serviceTask("Task_Work")
                .camundaExpression("${execution.setVariable('worked', true)}")
                .eventBasedGateway()
                .id("Gateway_WaitForEither")
                .intermediateCatchEvent("Event_Timeout")
                .timerWithDuration("PT2H")
                .endEvent("End")
                .moveToNode("Gateway_WaitForEither")
                .intermediateCatchEvent("Event_Message")
                .message("Message_Probe")
                .endEvent("End_Message")
                .done();
    }

    @Test
    void gatewaysAndTheStartEventAreNotRecordedAndTheWorkIs() {
        try (Engine engine = new Engine(newDatabase(), LeanAuditHistory.NAME)) {
            String instance = engine.runProbe("lean-probe");

            List<HistoricActivityInstance> activities = engine.history()
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instance)
                    .list();
            assertThat(activities)
                    .extracting(HistoricActivityInstance::getActivityId)
                    .containsExactlyInAnyOrder("Event_Wait", "Task_Work", "Event_Timeout", "End");
            assertThat(activities)
                    .allSatisfy(activity -> assertThat(activity.getEndTime()).isNotNull());
            assertThat(engine.history()
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(instance)
                            .singleResult())
                    .satisfies(process -> {
                        assertThat(process.getStartActivityId()).isEqualTo("Start");
                        assertThat(process.getEndActivityId()).isEqualTo("End");
                        assertThat(process.getState()).isEqualTo("COMPLETED");
                    });
            // not a process without variable history: its variables are kept
            assertThat(engine.history()
                            .createHistoricVariableInstanceQuery()
                            .processInstanceId(instance)
                            .list())
                    .extracting(variable -> variable.getName())
                    .containsExactlyInAnyOrder("input", "worked");
        }
    }

    @Test
    void aProcessWithoutVariableHistoryKeepsItsActivitiesButNoVariables() {
        try (Engine engine = new Engine(newDatabase(), LeanAuditHistory.NAME)) {
            String instance = engine.runProbe(Engine.WITHOUT_VARIABLE_HISTORY);

            assertThat(engine.history()
                            .createHistoricVariableInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isZero();
            assertThat(engine.history()
                            .createHistoricActivityInstanceQuery()
                            .processInstanceId(instance)
                            .activityId("Task_Work")
                            .finished()
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void auditStillRecordsEverything() {
        try (Engine engine = new Engine(newDatabase(), "audit")) {
            String instance = engine.runProbe(Engine.WITHOUT_VARIABLE_HISTORY);

            assertThat(engine.history()
                            .createHistoricActivityInstanceQuery()
                            .processInstanceId(instance)
                            .list())
                    .extracting(HistoricActivityInstance::getActivityId)
                    .contains("Start", "Gateway_Route", "Gateway_WaitForEither");
            assertThat(engine.history()
                            .createHistoricVariableInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isEqualTo(2);
        }
    }

    @Test
    void anExistingDatabaseSwitchesBetweenAuditAndTheLeanLevelButNotToAnotherLevel() {
        String database = newDatabase();
        try (Engine engine = new Engine(database, "audit")) {
            engine.runProbe("lean-probe");
        }
        try (Engine engine = new Engine(database, LeanAuditHistory.NAME)) {
            assertThat(engine.recordedLevel()).isEqualTo(String.valueOf(LeanAuditHistory.ID));
            engine.runProbe("lean-probe");
        }
        try (Engine engine = new Engine(database, "audit")) {
            assertThat(engine.recordedLevel()).isEqualTo("2");
        }
        // Camunda's guard stays for every other change
        assertThatThrownBy(() -> new Engine(database, "full"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("historyLevel mismatch");
    }

    private static String newDatabase() {
        return "jdbc:h2:mem:lean-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1;INIT=CREATE DOMAIN IF NOT EXISTS BLOB AS BINARY LARGE OBJECT";
    }

    /** A bare engine with the plugin, its job executor off. */
    private static final class Engine implements AutoCloseable {

        static final String WITHOUT_VARIABLE_HISTORY = "lean-probe-without-variables";

        private final ProcessEngine engine;

        Engine(String url, String historyLevel) {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                    ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                            .setJdbcUrl(url)
                            .setJdbcUsername("sa")
                            .setJdbcPassword("")
                            .setDatabaseType("h2")
                            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                            .setHistory(historyLevel)
                            .setJobExecutorActivate(false)
                            .setProcessEngineName("lean-" + UUID.randomUUID());
            List<ProcessEnginePlugin> plugins = new ArrayList<>();
            plugins.add(new LeanAuditHistory(Set.of(WITHOUT_VARIABLE_HISTORY)));
            configuration.setProcessEnginePlugins(plugins);
            this.engine = configuration.buildProcessEngine();
        }

        HistoryService history() {
            return engine.getHistoryService();
        }

        String recordedLevel() {
            return engine.getManagementService().getProperties().get("historyLevel");
        }

        /** Deploys the probe under {@code key}, runs it to its end through the timers; the instance's id. */
        String runProbe(String key) {
            if (engine.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(key)
                            .count()
                    == 0) {
                engine.getRepositoryService()
                        .createDeployment()
                        .addModelInstance(key + ".bpmn", probe(key))
                        .deploy();
            }
            String instance = engine.getRuntimeService()
                    .startProcessInstanceByKey(key, Map.of("input", "x"))
                    .getId();
            fire(instance, "Event_Wait");
            fire(instance, "Event_Timeout");
            assertThat(engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isZero();
            return instance;
        }

        private void fire(String instance, String activityId) {
            Job timer = engine.getManagementService()
                    .createJobQuery()
                    .processInstanceId(instance)
                    .activityId(activityId)
                    .singleResult();
            engine.getManagementService().executeJob(timer.getId());
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
