package io.cxloop.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxloop.engine.support.EngineIT;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded engine as the application wires it: no scripts, no arbitrary beans, no Java serialization. */
class CamundaHardeningIT extends EngineIT {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void theEngineTookCamundasMappingsParsedWhileTheContextWasBuilt() {
        assertThat(configuration).isInstanceOf(PreparedMappingsProcessEngineConfiguration.class);
        assertThat(((PreparedMappingsProcessEngineConfiguration) configuration).tookPreparedMappings())
                .isTrue();
        // the SQL it runs is on this context's data source
        assertThat(configuration
                        .getSqlSessionFactory()
                        .getConfiguration()
                        .getEnvironment()
                        .getDataSource())
                .isSameAs(configuration.getDataSource());
    }

    @Test
    void theJobExecutorFindsDueJobsByAnIndexOnTheirDueDate() throws Exception {
        try (Connection connection = configuration.getDataSource().getConnection();
                ResultSet indexes = connection
                        .getMetaData()
                        .getIndexInfo(null, null, tableName(connection, "ACT_RU_JOB"), false, false)) {
            Map<String, String> columns = new HashMap<>();
            while (indexes.next()) {
                columns.put(
                        indexes.getString("INDEX_NAME").toUpperCase(Locale.ROOT),
                        String.valueOf(indexes.getString("COLUMN_NAME")).toUpperCase(Locale.ROOT));
            }
            assertThat(columns).containsEntry(JobDueDateIndex.NAME, "DUEDATE_");
        }
        // a second node starting on the same database finds it and does nothing
        try (Connection connection = configuration.getDataSource().getConnection()) {
            JobDueDateIndex.create(connection, configuration.getDatabaseTablePrefix());
        }
    }

    /** Table names as the database's metadata spells them (PostgreSQL folds unquoted names to lower case). */
    private static String tableName(Connection connection, String name) throws SQLException {
        return connection.getMetaData().storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }

    @Test
    void theJourneyReconnectProcessIsDeployed() {
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("journey-reconnect")
                        .latestVersion()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aProcessWithAScriptTaskIsRejectedAtDeployment() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("scripted")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .scriptTask("Task_RunScript")
                .scriptFormat("javascript")
                .scriptText("java.lang.System.exit(0)")
                .endEvent()
                .done();

        assertThatThrownBy(() -> deploy(model))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Task_RunScript");
    }

    @Test
    void expressionsReachOnlyTheProcessesDelegatesNotOtherBeans() {
        deployment = deploy(Bpmn.createExecutableProcess("curious")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_TouchABean")
                .camundaExpression("${customerService.get('x')}")
                .endEvent()
                .done());

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("curious"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("customerService");
        assertThat(configuration.getBeans())
                .containsOnlyKeys(
                        "decideNextBestAction",
                        "issueOfferAndQueueMessage",
                        "recordCampaignOutcome",
                        "openCase",
                        "queueCallBack",
                        "sendCustomerMessage",
                        "escalateSlaBreach",
                        "reassignToEscalationGroup",
                        "recordCallOutcome",
                        "sendFollowUpSurvey",
                        "reopenCase",
                        "closeCase",
                        "contactTaskListener");
    }

    @Test
    void javaSerializationOfVariablesIsOff() {
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    }

    @Test
    void authorizationChecksAreOn() {
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
    }

    private Deployment deploy(BpmnModelInstance model) {
        return repository
                .createDeployment()
                .addModelInstance("test.bpmn", model)
                .deploy();
    }
}
