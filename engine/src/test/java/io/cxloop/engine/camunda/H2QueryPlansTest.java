package io.cxloop.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/** On a new H2 database, Camunda's "variables of an execution" query is planned on the execution's index. */
class H2QueryPlansTest {

    private static final String VARIABLES_OF_AN_EXECUTION =
            "explain select * from ACT_RU_VARIABLE RES where EXECUTION_ID_ = 'execution' and TASK_ID_ is null";

    @Test
    void anEmptyVariableTableIsPlannedOnTheExecutionsIndexOnceTheSelectivityIsSet() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:mem:plans;MODE=PostgreSQL;INIT=CREATE DOMAIN IF NOT EXISTS BLOB AS BINARY LARGE OBJECT",
                "sa",
                "")) {
            createCamundasTables(connection);
            // what H2 chose before: the index of TASK_ID_, which every process variable matches (null)
            assertThat(plan(connection)).contains("ACT_IDX_VARIABLE_TASK_ID").doesNotContain("ACT_FK_VAR_EXE");

            assertThat(H2QueryPlans.apply(connection)).isTrue();

            assertThat(plan(connection)).contains("ACT_FK_VAR_EXE").doesNotContain("ACT_IDX_VARIABLE_TASK_ID");
        }
    }

    private static String plan(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet plan = statement.executeQuery(VARIABLES_OF_AN_EXECUTION)) {
            plan.next();
            return plan.getString(1);
        }
    }

    private static void createCamundasTables(Connection connection) throws IOException, SQLException {
        try (InputStream script = ProcessEngine.class.getResourceAsStream(
                        "/org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql");
                Statement statement = connection.createStatement()) {
            String withoutComments =
                    new String(script.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^\\s*--.*$", "");
            for (String sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }
}
