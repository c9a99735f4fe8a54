package io.cxloop.benchmarks.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Does for the run's schema what PostgreSQL's autovacuum does, on a server that has it off (this project's CI server
 * does): without it Camunda's runtime tables, whose rows are inserted and deleted with every campaign, are never
 * analysed, the planner keeps the plans it chose for empty tables, and the run measures a database no production runs
 * with (docs/benchmarks.md, session 8).
 *
 * <p>It follows autovacuum's own rules with the server's own settings: every {@code autovacuum_naptime} it analyses a
 * table whose rows changed since its last analysis by more than {@code autovacuum_analyze_threshold +
 * autovacuum_analyze_scale_factor × rows}, and vacuums one with more dead rows than {@code autovacuum_vacuum_threshold
 * + autovacuum_vacuum_scale_factor × rows} or more rows inserted since its last vacuum than {@code
 * autovacuum_vacuum_insert_threshold + autovacuum_vacuum_insert_scale_factor × rows}. It runs on a connection of its
 * own, as autovacuum's worker does, and counts what it did for the report.
 */
final class StandInAutovacuum implements AutoCloseable {

    private final Supplier<Connection> connections;
    private final String schema;
    private final Duration naptime;
    private final Thresholds thresholds;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "stand-in-autovacuum");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong analyses = new AtomicLong();
    private final AtomicLong vacuums = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private volatile String failure;

    private StandInAutovacuum(
            Supplier<Connection> connections, String schema, Duration naptime, Thresholds thresholds) {
        this.connections = connections;
        this.schema = schema;
        this.naptime = naptime;
        this.thresholds = thresholds;
    }

    /** Starts it if the server's autovacuum is off; otherwise there is nothing to stand in for and it returns null. */
    static StandInAutovacuum startIfOff(Supplier<Connection> connections, String schema) {
        try (Connection connection = connections.get()) {
            if ("on".equals(setting(connection, "autovacuum"))) {
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's autovacuum setting: " + e.getMessage(), e);
        }
        StandInAutovacuum standIn = withServerSettings(connections, schema);
        long every = standIn.naptime.toMillis();
        standIn.worker.scheduleWithFixedDelay(standIn::round, every, every, TimeUnit.MILLISECONDS);
        return standIn;
    }

    /** One with the server's thresholds and naptime, not started: {@link #round()} runs a round. */
    static StandInAutovacuum withServerSettings(Supplier<Connection> connections, String schema) {
        try (Connection connection = connections.get()) {
            Thresholds thresholds = new Thresholds(
                    Double.parseDouble(setting(connection, "autovacuum_analyze_threshold")),
                    Double.parseDouble(setting(connection, "autovacuum_analyze_scale_factor")),
                    Double.parseDouble(setting(connection, "autovacuum_vacuum_threshold")),
                    Double.parseDouble(setting(connection, "autovacuum_vacuum_scale_factor")),
                    Double.parseDouble(setting(connection, "autovacuum_vacuum_insert_threshold")),
                    Double.parseDouble(setting(connection, "autovacuum_vacuum_insert_scale_factor")));
            Duration naptime = Duration.ofSeconds(seconds(connection, "autovacuum_naptime"));
            return new StandInAutovacuum(connections, schema, naptime, thresholds);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's autovacuum settings: " + e.getMessage(), e);
        }
    }

    /** One of autovacuum's rounds over the schema. */
    void round() {
        long start = System.nanoTime();
        try (Connection connection = connections.get()) {
            connection.setAutoCommit(true); // VACUUM cannot run in a transaction
            for (Table table : tables(connection)) {
                boolean vacuum = table.dead() > thresholds.vacuum(table.rows())
                        || table.insertedSinceVacuum() > thresholds.insertVacuum(table.rows());
                boolean analyze = table.changedSinceAnalyze() > thresholds.analyze(table.rows());
                if (!vacuum && !analyze) {
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute((vacuum ? "vacuum (analyze " + analyze + ") " : "analyze ") + table.name());
                }
                if (vacuum) {
                    vacuums.incrementAndGet();
                }
                if (analyze) {
                    analyses.incrementAndGet();
                }
            }
        } catch (SQLException | RuntimeException e) {
            // a failed round is reported, the next one tries again (as autovacuum would)
            failure = e.toString();
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    private List<Table> tables(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                """
                select format('%I.%I', s.schemaname, s.relname), greatest(c.reltuples, 0), s.n_dead_tup,
                    s.n_ins_since_vacuum, s.n_mod_since_analyze
                from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                where s.schemaname = ?""")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(new Table(
                            rows.getString(1), rows.getDouble(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)));
                }
            }
        }
        return tables;
    }

    /** For the report: what it did so far. */
    String summary() {
        return String.format(
                "the server's autovacuum is off: the harness stood in for it on the run's schema (every %d s, the"
                        + " server's thresholds): %d analyses, %d vacuums, %s s in all%s",
                naptime.toSeconds(),
                analyses.get(),
                vacuums.get(),
                Report.millis(nanos.get() / 1e9),
                failure == null ? "" : "; a round failed: " + failure);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select current_setting(?)")) {
            statement.setString(1, name);
            try (ResultSet value = statement.executeQuery()) {
                value.next();
                return value.getString(1);
            }
        }
    }

    private static long seconds(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select setting::bigint from pg_settings where name = ?")) {
            statement.setString(
                    1, name); // pg_settings gives it in its unit, seconds, where current_setting says "1min"
            try (ResultSet value = statement.executeQuery()) {
                value.next();
                return value.getLong(1);
            }
        }
    }

    private record Table(String name, double rows, long dead, long insertedSinceVacuum, long changedSinceAnalyze) {}

    private record Thresholds(
            double analyzeBase,
            double analyzeScale,
            double vacuumBase,
            double vacuumScale,
            double insertBase,
            double insertScale) {

        double analyze(double rows) {
            return analyzeBase + analyzeScale * rows;
        }

        double vacuum(double rows) {
            return vacuumBase + vacuumScale * rows;
        }

        double insertVacuum(double rows) {
            // -1 switches vacuums for inserts off
            return insertBase < 0 ? Double.POSITIVE_INFINITY : insertBase + insertScale * rows;
        }
    }
}
