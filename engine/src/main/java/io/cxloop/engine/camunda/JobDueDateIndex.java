package io.cxloop.engine.camunda;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An index on the due date of Camunda's jobs, which Camunda's schema lacks. The job executor looks for due jobs every
 * few hundred milliseconds on every node ({@code RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= now) and …}), and
 * every waiting campaign holds a timer (its delay, then its offer's expiry), so without the index each look reads every
 * waiting job: 2.2 ms a look at a few thousand waiting campaigns on PostgreSQL, more the more wait (docs/benchmarks.md,
 * session 8). With it, the look reads the due jobs. Created after Camunda's own schema, concurrently on PostgreSQL so
 * that a node starting on a busy database does not lock the job table; a node that finds it there does nothing.
 */
final class JobDueDateIndex {

    static final String NAME = "CXLOOP_IDX_JOB_DUEDATE";

    /** Creates the index unless it exists; PostgreSQL and H2 (the databases cxloop runs on). */
    static void create(Connection connection, String tablePrefix) throws SQLException {
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB";
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL builds an index concurrently only outside a transaction
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create index " + (postgres ? "concurrently " : "") + "if not exists " + NAME + " on "
                    + table + " (DUEDATE_)");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private JobDueDateIndex() {}
}
