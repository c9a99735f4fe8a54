package io.cxloop.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxloop.engine.support.EngineIT;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.reflection.MetaObject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
    ManagementService managementService;

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
            assertThat(columns).containsEntry(JobDueDates.INDEX, "DUEDATE_");
        }
        // a second node starting on the same database finds it and does nothing
        try (Connection connection = configuration.getDataSource().getConnection()) {
            JobDueDates.createIndex(connection, configuration.getDatabaseTablePrefix());
        }
    }

    @Test
    void theJobExecutorsLookForDueJobsReadsTheDueJobsByTheIndex() throws Exception {
        Date now = ClockUtil.getCurrentTime();
        Map<String, Object> parameters = new HashMap<>();
        // what Camunda's JobManager.findNextJobsToExecute passes with the engine's settings
        parameters.put("now", now);
        parameters.put("alwaysSetDueDate", configuration.isEnsureJobDueDateNotNull());
        parameters.put("deploymentAware", configuration.isJobExecutorDeploymentAware());
        parameters.put("historyCleanupEnabled", configuration.isHistoryCleanupEnabled());
        parameters.put("orderingProperties", List.of());
        parameters.put("applyOrdering", false);
        parameters.put("applyExclusiveOverProcessHierarchies", false);
        ListQueryParameterObject query = new ListQueryParameterObject(parameters, 0, 8);
        org.apache.ibatis.session.Configuration mybatis =
                configuration.getSqlSessionFactory().getConfiguration();
        BoundSql look = mybatis.getMappedStatement(
                        configuration.getDbSqlSessionFactory().mapStatement("selectNextJobsToExecute"))
                .getBoundSql(query);

        // no "DUEDATE_ is null or": a condition an index on the due date answers
        String sql = look.getSql().replaceAll("\\s+", " ");
        assertThat(sql).contains("RES.DUEDATE_ <= ?").doesNotContainIgnoringCase("DUEDATE_ is null");

        try (Connection connection = configuration.getDataSource().getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return; // PostgreSQL chooses by its statistics, which a test database's few jobs do not settle
            }
            try (PreparedStatement explain = connection.prepareStatement("explain " + look.getSql())) {
                MetaObject values = mybatis.newMetaObject(query);
                for (int i = 0; i < look.getParameterMappings().size(); i++) {
                    String property = look.getParameterMappings().get(i).getProperty();
                    Object value = look.hasAdditionalParameter(property)
                            ? look.getAdditionalParameter(property)
                            : values.getValue(property);
                    explain.setObject(i + 1, value instanceof Date date ? new Timestamp(date.getTime()) : value);
                }
                try (ResultSet plan = explain.executeQuery()) {
                    assertThat(plan.next()).isTrue();
                    // H2 names the index it reads in a comment; a scan of the table says tableScan
                    assertThat(plan.getString(1))
                            .contains(JobDueDates.INDEX + ": DUEDATE_ <= ")
                            .doesNotContain("ACT_RU_JOB.tableScan");
                }
            }
        }
    }

    @Test
    void aJobLeftWithoutADueDateIsGivenOneWhenANodeStartsSoThatTheJobExecutorFindsIt() throws Exception {
        deployment = deploy(Bpmn.createExecutableProcess("waiting")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent()
                .timerWithDuration("P1D")
                .endEvent()
                .done());
        String instance = runtime.startProcessInstanceByKey("waiting").getId();
        String job = managementService
                .createJobQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        // as an earlier build left an asynchronous step: no due date
        try (Connection connection = configuration.getDataSource().getConnection();
                PreparedStatement clear = connection.prepareStatement("update " + configuration.getDatabaseTablePrefix()
                        + "ACT_RU_JOB set DUEDATE_ = null where ID_ = ?")) {
            clear.setString(1, job);
            assertThat(clear.executeUpdate()).isOne();
        }
        assertThat(dueJobs()).doesNotContain(job);

        try (Connection connection = configuration.getDataSource().getConnection()) {
            assertThat(JobDueDates.giveDueDates(
                            connection,
                            configuration.getDatabaseTablePrefix(),
                            ClockUtil.getCurrentTime().toInstant()))
                    .isOne();
        }

        assertThat(dueJobs()).contains(job);
        managementService.executeJob(job);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance)
                        .count())
                .isZero();
    }

    /** What the job executor's look for due jobs finds now. */
    private List<String> dueJobs() {
        return configuration
                .getCommandExecutorTxRequired()
                .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 1000)).stream()
                        .map(AcquirableJobEntity::getId)
                        .toList());
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
