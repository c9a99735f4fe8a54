package io.cxloop.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a load run does, from system properties (the {@code -Pload} profile of {@code benchmarks/pom.xml} passes them
 * on): {@code load.scenario} (comma-separated of {@code baseline, e2e, drain, startup}, or {@code all}),
 * {@code load.db} ({@code h2} or {@code postgres}), {@code load.rates} (the arrival rates of the ladder, events per
 * second), {@code load.step-seconds} (how long each rate is offered), {@code load.warm-up-seconds} (how long the lowest rate
 * is offered first, not counted; with {@code load.warm-up-until-settled=true} the most it is offered, in slices of a
 * step, until the CPU per event settles and the JIT is quiet; {@code load.warm-up-rate} offers another rate than the
 * lowest during the warm-up, e.g. one that leaves the JIT room), {@code load.delay} (the cart-abandoned trigger's
 * delay during the end-to-end run), {@code load.campaigns} (how many waiting campaigns the timer drain makes due),
 * {@code load.pg.*} (the PostgreSQL server) and {@code load.engine} (extra engine settings, e.g.
 * {@code --camunda.bpm.job-execution.max-pool-size=8}) and {@code load.application-jar} (the engine's application jar,
 * which the start-up scenario launches with {@code java -jar}) and {@code load.autovacuum-stand-in} ({@code true} by
 * default: on a PostgreSQL server with autovacuum off the harness does its work on the run's schema, see {@link
 * StandInAutovacuum}; {@code false} measures such a server as it is) and {@code load.h2.cache-size-kb} (H2's page cache for the run, {@code
 * SET CACHE_SIZE}; 0, the default, leaves the engine's setting).
 */
record LoadSettings(
        Set<Scenario> scenarios,
        String db,
        List<Integer> rates,
        Duration step,
        RateLadder.WarmUp warmUp,
        Duration delay,
        int campaigns,
        String pgUrl,
        String pgUser,
        String pgPassword,
        List<String> engineArguments,
        String heap,
        int costEvents,
        Path applicationJar,
        boolean autovacuumStandIn,
        int h2CacheSizeKb) {

    enum Scenario {
        STARTUP,
        BASELINE,
        E2E,
        COST,
        DRAIN;

        static Set<Scenario> parse(String value) {
            Set<Scenario> scenarios = new LinkedHashSet<>();
            for (String name : value.split(",")) {
                String trimmed = name.trim();
                if (trimmed.equalsIgnoreCase("all")) {
                    scenarios.addAll(List.of(values()));
                } else if (!trimmed.isEmpty()) {
                    scenarios.add(valueOf(trimmed.toUpperCase(java.util.Locale.ROOT)));
                }
            }
            return scenarios;
        }
    }

    LoadSettings {
        if (!db.equals("h2") && !db.equals("postgres")) {
            throw new IllegalArgumentException("load.db must be h2 or postgres: " + db);
        }
        if (rates.isEmpty() || rates.stream().anyMatch(rate -> rate <= 0)) {
            throw new IllegalArgumentException("load.rates must be positive numbers: " + rates);
        }
        if (warmUp.rate() < 0) {
            throw new IllegalArgumentException("load.warm-up-rate must not be negative: " + warmUp.rate());
        }
        if (campaigns < 1) {
            throw new IllegalArgumentException("load.campaigns must be at least 1: " + campaigns);
        }
    }

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                Scenario.parse(property("load.scenario", "all")),
                property("load.db", "h2").toLowerCase(java.util.Locale.ROOT),
                Arrays.stream(property("load.rates", "50,100,150,200,300,400").split(","))
                        .map(String::trim)
                        .filter(rate -> !rate.isEmpty())
                        .map(Integer::valueOf)
                        .toList(),
                Duration.ofSeconds(Long.parseLong(property("load.step-seconds", "15"))),
                new RateLadder.WarmUp(
                        Duration.ofSeconds(Long.parseLong(property("load.warm-up-seconds", "60"))),
                        Boolean.parseBoolean(property("load.warm-up-until-settled", "false")),
                        Integer.parseInt(property("load.warm-up-rate", "0"))),
                Duration.parse(property("load.delay", "PT1S")),
                Integer.parseInt(property("load.campaigns", "10000")),
                property("load.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                property("load.pg.user", "postgres"),
                property("load.pg.password", ""),
                Arrays.stream(property("load.engine", "").split("\\s+"))
                        .filter(argument -> !argument.isBlank())
                        .toList(),
                property("load.heap", "?"),
                Integer.parseInt(property("load.cost-events", "300")),
                Path.of(property("load.application-jar", "../engine/target/cxloop-engine-0.1.0-SNAPSHOT.jar"))
                        .toAbsolutePath()
                        .normalize(),
                Boolean.parseBoolean(property("load.autovacuum-stand-in", "true")),
                Integer.parseInt(property("load.h2.cache-size-kb", "0")));
    }

    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
