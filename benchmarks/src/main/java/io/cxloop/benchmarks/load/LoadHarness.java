package io.cxloop.benchmarks.load;

import com.icegreen.greenmail.util.ServerSetupTest;
import io.cxloop.benchmarks.load.LoadSettings.Scenario;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringBootVersion;

/**
 * The load harness: boots the real engine in this JVM on an empty database (H2 or PostgreSQL) with an SMTP sink, then
 * runs the chosen scenarios and writes a Markdown report to {@code benchmarks/target/load}. Run it with
 * {@code ./mvnw -B -pl benchmarks -am -Pload verify} (see docs/benchmarks.md).
 */
public final class LoadHarness {

    /** How soon after the load stops the backlog must be gone for the rate to count as sustained. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private LoadHarness() {}

    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Path work = Path.of("load").toAbsolutePath();
        Files.createDirectories(work);
        String run = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Report report = new Report(work.resolve("report-" + settings.db() + "-" + run + ".md"));
        int exitCode = 0;
        try {
            run(settings, work, report);
        } catch (RuntimeException e) {
            report.line("\n**The run failed:** " + e);
            e.printStackTrace();
            exitCode = 1;
        }
        System.out.println("\nReport: " + report.file());
        // the engine's and HTTP client's threads must not keep the JVM up
        System.exit(exitCode);
    }

    static void run(LoadSettings settings, Path work, Report report) throws Exception {
        report.line(
                "# cxloop load run, %s UTC, on %s",
                LocalDateTime.now(ZoneOffset.UTC).withNano(0), settings.db());
        report.line(machine(settings));
        SmtpSink smtp = new SmtpSink(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Database database = Database.create(settings, work);
        try {
            EngineUnderTest engine = EngineUnderTest.start(
                    database, smtp.getSmtp().getPort(), work.resolve("engine"), settings.engineArguments());
            Duration freshStartup = engine.startup();
            StandInAutovacuum standIn = settings.autovacuumStandIn() ? database.standInForAutovacuum() : null;
            if (settings.h2CacheSizeKb() > 0 && database instanceof Database.H2File) {
                engine.jdbc().execute("set cache_size " + settings.h2CacheSizeKb());
            }
            try {
                report.line(versions(engine, database, standIn != null));
                report.heading("Engine settings");
                report.table(
                        List.of("setting", "value"),
                        engine.tuning().entrySet().stream()
                                .map(setting -> List.of(setting.getKey(), setting.getValue()))
                                .toList());
                if (!settings.engineArguments().isEmpty()) {
                    report.line("Overridden for this run: `%s`", String.join(" ", settings.engineArguments()));
                }
                List<RateLadder.Step> baseline = List.of();
                if (settings.scenarios().contains(Scenario.BASELINE)) {
                    report.heading("Bare engine baseline (one async task, started through RuntimeService)");
                    report.line("load average before: %s", Report.loadAverage());
                    BareBaseline bare = new BareBaseline(engine);
                    bare.deploy();
                    RateLadder.Climb climb = bare.climb(settings.rates(), settings.step(), settings.warmUp());
                    report.table(RateLadder.Step.headers("start", "–"), climb.rows());
                    report.line(climb.warmUpOutcome());
                    baseline = climb.steps();
                }
                if (settings.scenarios().contains(Scenario.E2E)) {
                    report.heading("End to end (REST event → campaign → timer " + settings.delay()
                            + " → decision → outbox → SMTP)");
                    report.line("load average before: %s", Report.loadAverage());
                    EndToEnd endToEnd = new EndToEnd(engine, smtp, settings.delay());
                    RateLadder.Climb climb = endToEnd.climb(settings.rates(), settings.step(), settings.warmUp());
                    report.table(
                            RateLadder.Step.headers("REST ack", "event → dispatched (beyond delay)"), climb.rows());
                    report.line(climb.warmUpOutcome());
                    List<RateLadder.Step> e2e = climb.steps();
                    report.line("The engine's most frequent SQL statements in the last step, per dispatched message:");
                    report.table(List.of("per message", "statement"), endToEnd.lastStepStatements());
                    summarize(report, settings, baseline, e2e);
                }
                if (settings.scenarios().contains(Scenario.COST)) {
                    int rate = settings.rates().get(0);
                    report.heading("Cost per event (" + settings.costEvents() + " events at " + rate
                            + "/s, then until every message was dispatched)");
                    report.line("load average before: %s", Report.loadAverage());
                    new EndToEnd(engine, smtp, settings.delay())
                            .cost(settings.costEvents(), rate)
                            .report(report);
                }
                if (settings.scenarios().contains(Scenario.DRAIN)) {
                    report.heading("Timer drain (" + settings.campaigns() + " campaign timers due at once)");
                    report.line("load average before: %s", Report.loadAverage());
                    new TimerDrain(engine, smtp)
                            .run(settings.campaigns(), new EndToEnd(engine, smtp, settings.delay()), report);
                }
            } finally {
                if (standIn != null) {
                    standIn.close();
                    report.line("\nPostgreSQL: " + standIn.summary() + ".");
                }
                engine.close();
            }
            if (settings.scenarios().contains(Scenario.STARTUP)) {
                startup(settings, work, report, smtp.getSmtp().getPort(), freshStartup);
            }
        } finally {
            database.close();
            smtp.stop();
        }
    }

    /**
     * The start-up as a user meets it: the engine in a JVM of its own on an empty database (Flyway and Camunda create
     * their schema, the BPMN is deployed), then again on that database, launched three ways: on the harness's class
     * path (as {@code spring-boot:run}), as {@code java -jar} of the application jar, and with Spring Boot's class data
     * sharing recipe (extracted jar, a training run, {@code -XX:SharedArchiveFile}). The harness's own first start
     * (this JVM, the run's database) is reported beside them.
     */
    private static void startup(LoadSettings settings, Path work, Report report, int smtpPort, Duration inHarness)
            throws Exception {
        report.heading("Startup (a JVM of its own, launched to \"Started CxloopApplication\")");
        List<List<String>> rows = new ArrayList<>();
        try (Database database = Database.create(settings, work, "_cold")) {
            Path directory = work.resolve("cold-start");
            List<String> arguments = new ArrayList<>(
                    EngineUnderTest.arguments(database, smtpPort, directory, settings.engineArguments()));
            // Spring Boot's line that the engine has started is logged by the application class
            arguments.add("--logging.level.io.cxloop.engine.CxloopApplication=INFO");
            ColdStart.Launch classPath = ColdStart.Launch.classPath();
            rows.add(row(classPath, "empty", ColdStart.run(classPath, arguments, directory)));
            rows.add(row(classPath, "again", ColdStart.run(classPath, arguments, directory)));
            if (Files.isRegularFile(settings.applicationJar())) {
                ColdStart.Launch jar = ColdStart.Launch.jar(settings.applicationJar());
                rows.add(row(jar, "again", ColdStart.run(jar, arguments, directory)));
                ColdStart.Trained trained = ColdStart.train(settings.applicationJar(), arguments, work.resolve("cds"));
                report.line(
                        "CDS: extracting the jar and the training run took %s (load avg %s).",
                        seconds(trained.took()), Report.loadAverage());
                rows.add(row(trained.launch(), "again", ColdStart.run(trained.launch(), arguments, directory)));
                rows.add(row(trained.launch(), "again", ColdStart.run(trained.launch(), arguments, directory)));
            } else {
                report.line("No application jar at %s: only the class path was measured.", settings.applicationJar());
            }
        }
        report.table(
                List.of(
                        "launched",
                        "database",
                        "launch to started (wall)",
                        "as Spring Boot reports it",
                        "CPU time of the JVM until then",
                        "load avg"),
                rows);
        report.line(
                "For comparison, the harness's own first start (its JVM, before any scenario, the run's empty"
                        + " database): %s.",
                seconds(inHarness));
    }

    private static List<String> row(ColdStart.Launch launch, String database, ColdStart.Result result) {
        return List.of(
                launch.name(),
                database,
                seconds(result.wall()),
                seconds(result.reported()),
                seconds(result.cpu()),
                Report.loadAverage());
    }

    private static void summarize(
            Report report, LoadSettings settings, List<RateLadder.Step> baseline, List<RateLadder.Step> e2e) {
        int e2eRate = RateLadder.highestSustained(e2e);
        report.line(
                "Highest sustained end-to-end rate: **%d events/s** (ladder %s, %d s per step).",
                e2eRate, settings.rates(), settings.step().toSeconds());
        if (!baseline.isEmpty()) {
            int bareRate = RateLadder.highestSustained(baseline);
            boolean bareAtTop =
                    bareRate == settings.rates().get(settings.rates().size() - 1);
            report.line(
                    "Highest sustained bare-baseline rate: **%d starts/s**%s. End to end / bare: **%s %%**%s.",
                    bareRate,
                    bareAtTop ? " (the top of the ladder: the bare engine may do more)" : "",
                    bareRate == 0 ? "n/a" : Report.rate(100.0 * e2eRate / bareRate),
                    bareAtTop ? " (an upper bound)" : "");
        }
    }

    private static String seconds(Duration duration) {
        return Report.millis(duration.toMillis() / 1000.0) + " s";
    }

    private static String machine(LoadSettings settings) {
        long memory =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getTotalMemorySize() >> 20
                        : -1;
        return String.format(
                "\nMachine: %d cores, %d MB memory, load average %s at the start; %s %s; JVM %s %s, heap %s (max %d MB)",
                Runtime.getRuntime().availableProcessors(),
                memory,
                Report.loadAverage(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                settings.heap(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * PostgreSQL's autovacuum also keeps the planner's statistics: without it, Camunda's runtime tables (rows inserted
     * and deleted with every campaign) are never analysed, and the planner keeps choosing plans for empty tables
     * (docs/benchmarks.md, session 8). A server with it off measures a database no production runs with, unless the
     * harness stands in for it ({@link StandInAutovacuum}).
     */
    private static String autovacuum(Connection connection, boolean standIn) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet setting = statement.executeQuery("show autovacuum")) {
            setting.next();
            String value = setting.getString(1);
            return "on".equals(value)
                    ? " (autovacuum on)"
                    : " (**autovacuum " + value + "**"
                            + (standIn
                                    ? ": the harness stands in for it on the run's schema, see the end of this report)"
                                    : ": no statistics on the engine's tables, see docs/benchmarks.md)");
        }
    }

    private static String versions(EngineUnderTest engine, Database database, boolean standIn) throws SQLException {
        String db;
        try (Connection connection = engine.bean(DataSource.class).getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            db = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
            if (metaData.getDatabaseProductName().equals("PostgreSQL")) {
                db += autovacuum(connection, standIn);
            }
        }
        return String.format(
                "Versions: Spring Boot %s, Camunda %s, %s; database: %s; SMTP sink: GreenMail %s, Nagle off",
                SpringBootVersion.getVersion(),
                ProcessEngine.class.getPackage().getImplementationVersion(),
                db,
                database.name(),
                SmtpSink.greenMailVersion());
    }
}
