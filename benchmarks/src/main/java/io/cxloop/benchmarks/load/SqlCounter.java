package io.cxloop.benchmarks.load;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the engine's JDBC work: statements executed (a batch counts each of its rows), round trips to the database
 * (an execution or a batch), and commits. The harness's own queries (on its {@code main} thread) are not counted, so
 * the counts per completion are the engine's cost of a completion, whatever the machine's load.
 */
final class SqlCounter implements BeanPostProcessor {

    static final SqlCounter INSTANCE = new SqlCounter();

    private final LongAdder statements = new LongAdder();
    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final java.util.concurrent.ConcurrentHashMap<String, LongAdder> byText =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, LongAdder> commitsByThread =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, LongAdder> autoCommitsByThread =
            new java.util.concurrent.ConcurrentHashMap<>();

    private SqlCounter() {}

    /** The counts so far. */
    Snapshot snapshot() {
        return new Snapshot(statements.sum(), roundTrips.sum(), commits.sum());
    }

    /** Executions per statement text (whitespace collapsed), for the {@code limit} most frequent, since the start. */
    java.util.Map<String, Long> byText() {
        return sums(byText);
    }

    /**
     * Transactions since the start by the pool of the thread that ran them (its name less trailing numbers, e.g.
     * {@code http-nio-auto-1-exec}): {@code commit()} calls, and statements run in auto-commit mode, each a transaction
     * of its own that no {@code commit()} shows.
     */
    Transactions transactions() {
        return new Transactions(sums(commitsByThread), sums(autoCommitsByThread));
    }

    private static java.util.Map<String, Long> sums(java.util.Map<String, LongAdder> counts) {
        java.util.Map<String, Long> sums = new java.util.TreeMap<>();
        counts.forEach((key, count) -> sums.put(key, count.sum()));
        return sums;
    }

    /** What {@link #transactions()} read: per thread pool, commits and auto-committed statements. */
    record Transactions(java.util.Map<String, Long> commits, java.util.Map<String, Long> autoCommits) {

        /** Rows of per-completion transactions by thread pool between an earlier reading and this one, most first. */
        java.util.List<java.util.List<String>> since(Transactions earlier, long completions) {
            java.util.Set<String> threads = new java.util.TreeSet<>(commits.keySet());
            threads.addAll(autoCommits.keySet());
            double per = Math.max(1, completions);
            return threads.stream()
                    .map(thread -> java.util.Map.entry(thread, new long[] {
                        commits.getOrDefault(thread, 0L) - earlier.commits.getOrDefault(thread, 0L),
                        autoCommits.getOrDefault(thread, 0L) - earlier.autoCommits.getOrDefault(thread, 0L)
                    }))
                    .filter(entry -> entry.getValue()[0] + entry.getValue()[1] > 0)
                    .sorted(java.util.Comparator.comparingLong((java.util.Map.Entry<String, long[]> entry) ->
                            -(entry.getValue()[0] + entry.getValue()[1])))
                    .map(entry -> java.util.List.of(
                            "`" + entry.getKey() + "`",
                            Report.millis(entry.getValue()[0] / per),
                            Report.millis(entry.getValue()[1] / per)))
                    .toList();
        }
    }

    /**
     * The most frequent statements between two {@link #byText()} readings, per completion, as table rows (the text
     * cut to 140 characters).
     */
    static java.util.List<java.util.List<String>> top(
            java.util.Map<String, Long> before, java.util.Map<String, Long> after, long completions, int limit) {
        return after.entrySet().stream()
                .map(entry ->
                        java.util.Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
                .filter(entry -> entry.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(entry -> java.util.List.of(
                        Report.millis(entry.getValue() / (double) Math.max(1, completions)),
                        "`"
                                + (entry.getKey().length() > 140
                                                ? entry.getKey().substring(0, 140) + "…"
                                                : entry.getKey())
                                        .replace("|", "\\|")
                                + "`"))
                .toList();
    }

    record Snapshot(long statements, long roundTrips, long commits) {

        Snapshot minus(Snapshot earlier) {
            return new Snapshot(
                    statements - earlier.statements, roundTrips - earlier.roundTrips, commits - earlier.commits);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    private static String threadPool() {
        return Thread.currentThread().getName().replaceAll(" #\\d+", "").replaceAll("[-#]?\\d+$", "");
    }

    private static boolean counted() {
        return !"main".equals(Thread.currentThread().getName());
    }

    private final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(getTargetDataSource()) ? (T) getTargetDataSource() : super.unwrap(type);
        }

        private Connection connection(Connection target) {
            return (Connection) Proxy.newProxyInstance(
                    SqlCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        if (method.getName().equals("commit") && counted()) {
                            commits.increment();
                            commitsByThread
                                    .computeIfAbsent(threadPool(), thread -> new LongAdder())
                                    .increment();
                        }
                        if (result instanceof Statement statement) {
                            String sql = args != null && args.length > 0 && args[0] instanceof String text
                                    ? text.replaceAll("\\s+", " ").trim()
                                    : "(statement)";
                            return statement(statement, sql, target);
                        }
                        return result;
                    });
        }

        private Object statement(Statement target, String sql, Connection connection) {
            LongAdder executions = byText.computeIfAbsent(sql, text -> new LongAdder());
            Class<?>[] interfaces = target instanceof java.sql.CallableStatement
                    ? new Class<?>[] {java.sql.CallableStatement.class}
                    : target instanceof java.sql.PreparedStatement
                            ? new Class<?>[] {java.sql.PreparedStatement.class}
                            : new Class<?>[] {Statement.class};
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (counted()) {
                    if (name.equals("addBatch")) {
                        statements.increment();
                        executions.increment();
                    } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                        roundTrips.increment();
                    } else if (name.startsWith("execute")) {
                        statements.increment();
                        executions.increment();
                        roundTrips.increment();
                        if (connection.getAutoCommit()) {
                            autoCommitsByThread
                                    .computeIfAbsent(threadPool(), thread -> new LongAdder())
                                    .increment();
                        }
                    }
                }
                return invoke(target, method, args);
            };
            return Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), interfaces, handler);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
