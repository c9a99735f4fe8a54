package io.cxloop.engine.camunda;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * How the job executor finds due jobs without reading the waiting ones. Every waiting campaign holds a timer (its delay,
 * then its offer's expiry), and the job executor looks for due jobs several times a second on every node. Camunda's
 * look ({@code RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= now) and …}) has no index in Camunda's schema, and its
 * {@code or} keeps H2 from using one: every look read every waiting job (on H2 half of the engine's CPU time with
 * 30,000 campaigns waiting; on PostgreSQL 2.2 ms a look with a few thousand, docs/benchmarks.md sessions 8 and 12).
 * Three parts remove that:
 *
 * <ul>
 *   <li>every job has a due date: Camunda's {@code ensureJobDueDateNotNull} gives a job made without one (an
 *       asynchronous step) the time it is made, and its look becomes {@code DUEDATE_ <= now} (set by
 *       {@link CamundaTableTuning});
 *   <li>an index on {@code ACT_RU_JOB (DUEDATE_)} ({@link #createIndex}), so that look reads the due jobs only;
 *   <li>a job left without a due date by an earlier build, which that look would never find, is given one when a node
 *       starts ({@link #giveDueDates}).
 * </ul>
 */
final class JobDueDates {

    static final String INDEX = "CXLOOP_IDX_JOB_DUEDATE";

    /**
     * Creates the index unless it exists; PostgreSQL and H2 (the databases cxloop runs on). Concurrently on PostgreSQL,
     * so that a node starting on a busy database does not lock the job table; a node that finds it does nothing.
     */
    static void createIndex(Connection connection, String tablePrefix) throws SQLException {
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL builds an index concurrently only outside a transaction
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create index " + (postgres ? "concurrently " : "") + "if not exists " + INDEX + " on "
                    + jobTable(tablePrefix) + " (DUEDATE_)");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Gives every job without a due date that no node holds the due date {@code now}, so that it runs; returns how many.
     * The version column goes up with it: a node of an earlier build that read such a job before this update cannot lock
     * it afterwards (Camunda's optimistic locking) and reads it again. A job some node holds keeps its row as it is: it
     * is running, and when it ends it is deleted or rescheduled by that node.
     */
    static int giveDueDates(Connection connection, String tablePrefix, Instant now) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (PreparedStatement update = connection.prepareStatement("update " + jobTable(tablePrefix)
                + " set DUEDATE_ = ?, REV_ = REV_ + 1 where DUEDATE_ is null"
                + " and (LOCK_OWNER_ is null or LOCK_EXP_TIME_ < ?)")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            return update.executeUpdate();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String jobTable(String tablePrefix) {
        return (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB";
    }

    private JobDueDates() {}
}
