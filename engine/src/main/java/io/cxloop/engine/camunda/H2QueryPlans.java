package io.cxloop.engine.camunda;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * On H2 only: tells the planner that {@code ACT_RU_VARIABLE.TASK_ID_} says little about a row (process variables have
 * none). H2 plans a statement once per connection and keeps the plan in its query cache; on a new database, where the
 * tables are empty, it planned Camunda's "variables of an execution" query ({@code EXECUTION_ID_ = ? and TASK_ID_ is
 * null}) on the index of {@code TASK_ID_}, i.e. a scan of every process variable, and kept that plan while the table
 * grew: a quarter of a campaign timer's CPU time with a few thousand campaigns waiting (docs/benchmarks.md, session
 * 6). With the column's selectivity set, the planner takes the execution's index from the start; H2's own statistics
 * (ANALYZE) replace the figure once the table has rows. PostgreSQL plans with its statistics and is left alone.
 */
final class H2QueryPlans {

    /** H2's selectivity is 1–100, 100 meaning every value distinct; 1: nearly all rows share one value (null). */
    static final String VARIABLE_TASK_SELECTIVITY = "alter table ACT_RU_VARIABLE alter column TASK_ID_ selectivity 1";

    /** Sets the selectivity if the connection is H2's; returns whether it did. */
    static boolean apply(Connection connection) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(VARIABLE_TASK_SELECTIVITY);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return true;
    }

    private H2QueryPlans() {}
}
